/// What a matrix cell needs of a set of findings, as counts that add up: for each kind of reader (a
/// newer one meeting old data: backward findings; an older one meeting new data: forward findings;
/// `both` counts for each), how many findings are not safe, and how many are hazards or breaking on
/// the wire and in JSON. A pair's tally is the sum of its parts', so a matrix row can follow a
/// history by taking away what a part gave and adding what it gives now (`MatrixWalk`).
public struct FindingTally: Sendable, Equatable {
    /// Per reader (lanes 0 to 4: newer reader, 5 to 9: older reader): not safe, wire hazard, wire
    /// breaking, JSON hazard, JSON breaking.
    private var counts = SIMD16<Int32>()

    /// The worst a reader meets: wire and JSON verdicts, and how many findings are not safe for it.
    public struct ReaderView: Sendable, Equatable {
        public var wire: Verdict
        public var json: Verdict
        public var count: Int
    }

    public init() {}

    public init(_ summaries: [FindingSummary]) {
        for summary in summaries { add(summary) }
    }

    mutating func add(_ summary: FindingSummary) {
        let wire = summary.verdicts.wire
        let json = summary.verdicts.json
        guard wire != .safe || json != .safe else { return }
        for (base, direction) in [(0, Direction.backward), (5, Direction.forward)] where summary.direction == direction || summary.direction == .both {
            counts[base] += 1
            if wire != .safe { counts[base + (wire == .hazard ? 1 : 2)] += 1 }
            if json != .safe { counts[base + (json == .hazard ? 3 : 4)] += 1 }
        }
    }

    public static func + (a: FindingTally, b: FindingTally) -> FindingTally {
        var sum = a
        sum.counts &+= b.counts
        return sum
    }

    public static func - (a: FindingTally, b: FindingTally) -> FindingTally {
        var difference = a
        difference.counts &-= b.counts
        return difference
    }

    public static func += (a: inout FindingTally, b: FindingTally) { a.counts &+= b.counts }

    public var isEmpty: Bool { counts == SIMD16() }

    /// What readers of the given direction meet: `.backward` for a newer reader of older data,
    /// `.forward` for an older reader of newer data.
    public func reader(_ direction: Direction) -> ReaderView {
        let base = direction == .forward ? 5 : 0
        let verdict = { (hazards: Int32, breakings: Int32) -> Verdict in breakings > 0 ? .breaking : hazards > 0 ? .hazard : .safe }
        return ReaderView(
            wire: verdict(counts[base + 1], counts[base + 2]), json: verdict(counts[base + 3], counts[base + 4]),
            count: Int(counts[base]))
    }
}
