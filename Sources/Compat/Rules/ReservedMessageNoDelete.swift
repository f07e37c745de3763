import ProtoModel

/// Reserved numbers or names were removed from a message.
struct ReservedMessageNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RESERVED_MESSAGE_NO_DELETE",
        title: "Reserved field numbers or names removed",
        summary: "Reserved ranges and names are not removed from a message.",
        rationale: "Reservations keep deleted numbers and names from being reused with another meaning, which old data would then be decoded as (protobuf.dev/programming-guides/proto3/#reserved).",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; message M { reserved 2, 5 to 8; reserved \"x\"; }",
                        after: "syntax = \"proto3\"; message M { reserved 2; }", findings: 2,
                        verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe)),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.messagePairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.reservedRanges, new.reservedRanges, inclusiveEnd: false, max: 536_870_912).map { range in
                Finding(rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name,
                        arguments: ["message": new.name, "range": range])
            } + old.reservedNames.filter { !new.reservedNames.contains($0) }.map { name in
                Finding(rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name,
                        arguments: ["message": new.name, "name": name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        if let name = finding.arguments["name"] {
            return "Previously present reserved name \"\(name)\" on message \"\(finding.arguments["message"] ?? "")\" was deleted."
        }
        let range = finding.arguments["range"] ?? ""
        return "Previously present reserved range \"\(range)\" on message \"\(finding.arguments["message"] ?? "")\" is missing values: \(range) were removed."
    }
}

/// Reserved numbers or names were removed from an enum.
struct ReservedEnumNoDelete: CompatRule {
    var changeKind: ChangeKind { .deletion }
    let info = RuleInfo(
        id: "RESERVED_ENUM_NO_DELETE",
        title: "Reserved enum numbers or names removed",
        summary: "Reserved ranges and names are not removed from an enum.",
        rationale: "Reservations keep deleted values from being reused with another meaning (protobuf.dev/programming-guides/proto3/#reserved).",
        bufCategories: .wire,
        examples: [
            RuleExample(before: "syntax = \"proto3\"; enum E { A = 0; reserved 2; }",
                        after: "syntax = \"proto3\"; enum E { A = 0; }", findings: 1),
        ])

    func check(_ pair: SchemaPair) -> [Finding] {
        pair.enumPairs.flatMap { old, new, _, newFile in
            ReservedRanges.removed(old.reservedRanges, new.reservedRanges, inclusiveEnd: true, max: Int32.max).map { range in
                Finding(rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name, arguments: ["enum": new.name, "range": range])
            } + old.reservedNames.filter { !new.reservedNames.contains($0) }.map { name in
                Finding(rule: info.id, symbol: new.fullName, verdicts: Verdicts(wire: .safe, json: .hazard, source: .safe), direction: .none,
                        location: new.span, previousLocation: old.span, file: newFile.name, arguments: ["enum": new.name, "name": name])
            }
        }
    }

    func message(_ finding: Finding) -> String {
        if let name = finding.arguments["name"] {
            return "Previously present reserved name \"\(name)\" on enum \"\(finding.arguments["enum"] ?? "")\" was deleted."
        }
        let range = finding.arguments["range"] ?? ""
        return "Previously present reserved range \"\(range)\" on enum \"\(finding.arguments["enum"] ?? "")\" is missing values: \(range) were removed."
    }
}

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
