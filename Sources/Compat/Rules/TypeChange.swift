import ProtoModel

/// protocompat's own judgement of a type change, per view and direction (the protobuf language
/// guide's "Updating a message type" rules).
enum TypeChange {
    static let varint: Set<FieldType> = [.int32, .int64, .uint32, .uint64, .bool]
    static let integers: Set<FieldType> = [.int32, .int64, .uint32, .uint64]

    /// Whether every value of `writer` reads back unchanged as `reader` (varint types).
    static func holds(_ reader: FieldType, everyValueOf writer: FieldType) -> Bool {
        if reader == writer { return true }
        switch (writer, reader) {
        case (.bool, _): return true
        case (.int32, .int64), (.uint32, .int64), (.uint32, .uint64): return true
        default: return false
        }
    }

    static func enumsCompatible(_ a: String, _ b: String, pair: SchemaPair) -> Bool {
        guard a != b else { return true }
        guard a.split(separator: ".").last == b.split(separator: ".").last,
            let old = pair.old.index.enums[a], let new = pair.new.index.enums[b]
        else { return false }
        // Every old value (name and number) must still be there.
        let newValues = Set(new.values.map { "\($0.name)=\($0.number)" })
        return old.values.allSatisfy { newValues.contains("\($0.name)=\($0.number)") }
    }

    static func assess(_ o: Field, _ n: Field, pair: SchemaPair) -> (verdicts: Verdicts, direction: Direction, detail: String?) {
        var comparison = StructuralComparison(pair)
        return assess(o, n, comparison: &comparison)
    }

    /// `assess` inside a structural comparison (renamed types compared at any depth share one, for cycles).
    static func assess(_ o: Field, _ n: Field, comparison: inout StructuralComparison) -> (verdicts: Verdicts, direction: Direction, detail: String?) {
        let a = o.type
        let b = n.type
        if (a == .message || a == .group) && (b == .message || b == .group) {
            if a != b { return (.breakingEverywhere, .both, "The message encoding changed between length-prefixed and delimited") }
            // A renamed type is judged by the rules a kept type is judged by, inside it, at any depth.
            let outcome = comparison.compare(o.typeName ?? "", n.typeName ?? "")
            return (Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking), outcome.direction, outcome.summary)
        }
        if a == .enum && b == .enum {
            let outcome = comparison.compare(o.typeName ?? "", n.typeName ?? "")
            return (
                Verdicts(wire: outcome.wire, json: outcome.json, source: .breaking), outcome.direction,
                outcome.isSafe ? nil : outcome.summary
            )
        }
        if varint.contains(a), varint.contains(b) {
            // A reader holds what the writer's type can hold, or truncates, reinterprets the sign, or
            // collapses it to a bool (an ordinary 5 reads as true: breaking).
            let backward = !holds(b, everyValueOf: a)
            let forward = !holds(a, everyValueOf: b)
            let toBool = b == .bool || a == .bool
            // ProtoJSON writes bools as true/false and integers as numbers: each rejects the other, both ways.
            let direction: Direction = toBool || (backward && forward) ? .both : backward ? .backward : forward ? .forward : .none
            let json: Verdict = toBool ? .breaking : .hazard
            let changesWidth = (a == .int32 || a == .uint32) != (b == .int32 || b == .uint32)
            let detail =
                toBool
                ? "Integers other than 0 and 1 read as true"
                : changesWidth ? "Values beyond 32 bits are truncated" : "Signs or values may be reinterpreted"
            return (Verdicts(wire: toBool ? .breaking : .hazard, json: json, source: .breaking), direction, detail)
        }
        if (a == .enum && integers.contains(b)) || (integers.contains(a) && b == .enum) {
            // The enum side's reader: an open enum keeps any number, a closed one moves the numbers it
            // does not list (most of an integer writer's ordinary values) to unknown fields.
            let closed = a == .enum ? comparison.isClosedEnum(o.typeName, inNew: false) : comparison.isClosedEnum(n.typeName, inNew: true)
            return (
                Verdicts(wire: closed ? .breaking : .hazard, json: .breaking, source: .breaking), .both,
                closed
                    ? "A closed enum's reader loses the integers it does not list; JSON writes enums by name and integers as numbers"
                    : "JSON writes enums by name and integers as numbers"
            )
        }
        let sameWidthPairs: [Set<FieldType>] = [[.sint32, .sint64], [.fixed32, .sfixed32], [.fixed64, .sfixed64]]
        if sameWidthPairs.contains(where: { $0.contains(a) && $0.contains(b) }) {
            return (Verdicts(wire: .hazard, json: .hazard, source: .breaking), .both, nil)
        }
        // JSON writes bytes as base64 and strings as text: each side misreads or rejects the other's, in
        // both directions; binary readers of strings reject bytes that are not valid UTF-8.
        if a == .string, b == .bytes {
            return (
                Verdicts(wire: .hazard, json: .breaking, source: .breaking), .both,
                "JSON writes bytes as base64; bytes that are not valid UTF-8 are rejected by old readers"
            )
        }
        if a == .bytes, b == .string {
            return (
                Verdicts(wire: .hazard, json: .breaking, source: .breaking), .both, "Bytes that are not valid UTF-8 are rejected; JSON writes bytes as base64"
            )
        }
        return (.breakingEverywhere, .both, nil)
    }
}
