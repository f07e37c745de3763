import ProtoModel

/// Compares two differently named message (or enum) types as if they were one type that changed:
/// what a field that switches from one to the other does to data. Fields pair by number and by name,
/// and every difference is judged as the ordinary rules judge it in a kept type (type changes by
/// encoding, cardinality, renames, JSON names, oneof moves, additions, deletions, enum values),
/// recursively at any depth (cycles handled).
struct StructuralComparison {
    /// What the switch does: the worst verdict per view and who is hurt, with the differences that say so.
    struct Outcome {
        var wire: Verdict = .safe
        var json: Verdict = .safe
        var backward = false
        var forward = false
        var differences: [String] = []

        var isSafe: Bool { wire == .safe && json == .safe }

        var direction: Direction { Direction(backward: backward, forward: forward) }

        /// Adds one difference, judged as the rule for it judges it.
        mutating func note(_ verdicts: Verdicts, _ direction: Direction, _ text: String) {
            guard verdicts.wire != .safe || verdicts.json != .safe else { return }
            wire = max(wire, verdicts.wire)
            json = max(json, verdicts.json)
            if direction.breaksBackward { backward = true }
            if direction.breaksForward { forward = true }
            differences.append(text)
        }

        /// The differences, the first few of them, as one sentence.
        var summary: String {
            guard !differences.isEmpty else { return "The types have the same encoding, in binary and in JSON" }
            let shown = differences.prefix(3).joined(separator: "; ")
            return "The types differ: " + shown + (differences.count > 3 ? "; and \(differences.count - 3) more" : "")
        }
    }

    let pair: SchemaPair
    /// Where the types looked into are written down, when the pair keeps a log.
    let reads: TypeReadLog?
    private var assumed: Set<String> = []

    init(_ pair: SchemaPair) {
        self.pair = pair
        reads = pair.typeReads
    }

    /// What reading one type's data as the other does, in both directions.
    mutating func compare(_ oldType: String, _ newType: String) -> Outcome {
        var outcome = Outcome()
        let key = oldType + "|" + newType
        if oldType == newType || assumed.contains(key) { return outcome }
        assumed.insert(key)
        reads?.record(old: oldType, new: newType)
        let old = pair.old
        let new = pair.new
        if let a = old.message(oldType), let b = new.message(newType) {
            compareMessages(a, b, newType, into: &outcome)
        } else if let a = old.index.enums[oldType], let b = new.index.enums[newType] {
            Self.compareEnums(a, b, newType, into: &outcome)
            // As `EnumSameType` judges one enum that opens or closes: the closed side's reader loses unlisted numbers.
            let closedBefore = isClosedEnum(oldType, inNew: false)
            let closedAfter = isClosedEnum(newType, inNew: true)
            if closedBefore != closedAfter {
                outcome.note(
                    Verdicts(wire: .hazard, json: .hazard, source: .safe), closedAfter ? .backward : .forward,
                    "\(newType) is \(closedAfter ? "closed" : "open"), \(oldType) was \(closedBefore ? "closed" : "open")")
            }
        } else {
            outcome.note(.breakingEverywhere, .both, "\(newType) is not the same kind of type as \(oldType)")
        }
        return outcome
    }

    /// Whether `enumName` names a closed enum in the new version (`inNew`) or the old one: its reader
    /// moves numbers the enum does not list to unknown fields. Recorded as a type read.
    func isClosedEnum(_ enumName: String?, inNew: Bool) -> Bool {
        guard let enumName else { return false }
        let version = inNew ? pair.new : pair.old
        reads?.record(old: enumName, new: enumName)
        guard let type = version.index.enums[enumName], let file = version.file(of: enumName) else { return false }
        return version.features.isClosed(type, in: file)
    }

    private mutating func compareMessages(_ a: Message, _ b: Message, _ newType: String, into outcome: inout Outcome) {
        let oldFile = pair.old.file(of: a.fullName)
        let newFile = pair.new.file(of: b.fullName)
        let newByName = Dictionary(b.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for f in a.fields {
            let place = "\(newType).\(f.name) (\(f.number))"
            if let moved = newByName[f.name], moved.number != f.number {
                outcome.note(.wireOnly, .both, "\(place) moved to number \(moved.number)")
            }
            guard let g = b.field(number: f.number) else {
                let numberReserved = b.reservedRanges.contains { f.number >= $0.start && f.number < $0.end }
                outcome.note(
                    FieldNoDelete.verdicts(numberReserved: numberReserved, nameReserved: b.reservedNames.contains(f.name)),
                    .backward, "\(newType) has no field \(f.number) (\(f.name))")
                continue
            }
            if f.name != g.name {
                outcome.note(.jsonAndSource, .both, "\(place) renamed to \(g.name)")
            } else if f.jsonName != g.jsonName {
                outcome.note(.jsonAndSource, .both, "\(place) changed its JSON name")
            }
            var o = f
            var n = g
            if o.type == .message, let file = oldFile,
                pair.old.features.features(of: o, in: a, file: file).messageEncoding == "DELIMITED"
            {
                o.type = .group
            }
            if n.type == .message, let file = newFile,
                pair.new.features.features(of: n, in: b, file: file).messageEncoding == "DELIMITED"
            {
                n.type = .group
            }
            if o.type != n.type || o.typeName != n.typeName {
                let change = TypeChange.assess(o, n, comparison: &self)
                outcome.note(
                    change.verdicts, change.direction,
                    "\(place) changed type from \(RuleSupport.typeDescription(o)) to \(RuleSupport.typeDescription(n))"
                        + (change.detail.map { " (\($0))" } ?? ""))
            }
            if let oldFile, let newFile {
                let before = RuleSupport.cardinality(f, in: a, file: oldFile, version: pair.old)
                let after = RuleSupport.cardinality(g, in: b, file: newFile, version: pair.new)
                if before != after {
                    let (verdicts, direction) = FieldCardinalityRule.assess(before, after, field: g)
                    outcome.note(verdicts, direction, "\(place) changed from \(before) to \(after)")
                }
            }
            if FieldSameOneof.realOneof(f, in: a)?.name != FieldSameOneof.realOneof(g, in: b)?.name {
                let (verdicts, direction) = FieldSameOneof.assess(f, g, old: a, new: b)
                if direction != .none { outcome.note(verdicts, direction, "\(place) moved between oneofs") }
            }
        }
        for g in b.fields where !a.hasField(number: g.number) {
            outcome.note(ElementAdded.fieldVerdicts, .forward, "\(newType) added field \(g.number) (\(g.name))")
        }
    }

    /// Enum values by number and by name, as the enum value rules judge them.
    static func compareEnums(_ a: EnumType, _ b: EnumType, _ newType: String, into outcome: inout Outcome) {
        let newByName = Dictionary(b.values.map { ($0.name, $0.number) }, uniquingKeysWith: { first, _ in first })
        let newByNumber = Dictionary(b.values.map { ($0.number, $0.name) }, uniquingKeysWith: { first, _ in first })
        let oldNumbers = Set(a.values.map(\.number))
        for v in a.values {
            if let number = newByName[v.name], number != v.number {
                outcome.note(.wireOnly, .both, "\(newType).\(v.name) moved from \(v.number) to \(number)")
            }
            guard let name = newByNumber[v.number] else {
                outcome.note(
                    EnumValueNoDelete.verdicts(nameReserved: b.reservedNames.contains(v.name)), .backward, "\(newType) has no value \(v.number) (\(v.name))")
                continue
            }
            if name != v.name && !b.values.contains(where: { $0.number == v.number && $0.name == v.name }) {
                outcome.note(.jsonAndSource, .both, "\(newType) value \(v.number) renamed from \(v.name) to \(name)")
            }
        }
        for value in b.values where !oldNumbers.contains(value.number) {
            outcome.note(ElementAdded.enumValueVerdicts, .forward, "\(newType) added value \(value.number) (\(value.name))")
        }
    }
}
