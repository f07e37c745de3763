import ProtoModel

/// Which old reserved ranges are not wholly covered by the new ones, written as buf writes them.
enum ReservedRanges {
    static func removed(_ old: [NumberRange], _ new: [NumberRange], inclusiveEnd: Bool, max: Int32) -> [String] {
        old.filter { range in
            let last = inclusiveEnd ? Int64(range.end) : Int64(range.end) - 1
            return !covered(Int64(range.start), last, by: new, inclusiveEnd: inclusiveEnd)
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map { range in
            let last = inclusiveEnd ? range.end : range.end - 1
            let end = (inclusiveEnd ? range.end : range.end) == max ? "max" : String(last)
            return range.start == last ? "[\(range.start)]" : "[\(range.start),\(end)]"
        }
    }

    static func covered(_ start: Int64, _ last: Int64, by ranges: [NumberRange], inclusiveEnd: Bool) -> Bool {
        var next = start
        for range in ranges.sorted(by: { $0.start < $1.start }) {
            let rangeLast = inclusiveEnd ? Int64(range.end) : Int64(range.end) - 1
            if Int64(range.start) <= next, rangeLast >= next { next = rangeLast + 1 }
            if next > last { return true }
        }
        return next > last
    }
}
