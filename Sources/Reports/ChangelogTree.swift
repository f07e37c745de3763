import Compat

extension Changelog {
    /// The changelog as a document (YAML and JSON), newest step first: per step the verdict counts,
    /// the SemVer verdict when the labels carry numbers, and the sections with every entry (an entry
    /// lists the elements folded into it under `nested`).
    public var tree: ReportTree {
        .object([
            (
                "steps",
                .array(
                    steps.reversed().map { step in
                        var fields: [(String, ReportTree)] = [("from", .string(step.from)), ("to", .string(step.to))]
                        let breaking = step.entries(.breaking)
                        let wire = breaking.filter { $0.view == .wire }.count
                        fields.append(
                            (
                                "verdict",
                                .object([
                                    ("breaking", .bool(!breaking.isEmpty)), ("wire_breaks", .int(wire)), ("json_breaks", .int(breaking.count - wire)),
                                    ("hazards", .int(step.count(.hazards))), ("added", .int(step.count(.added))), ("deprecated", .int(step.count(.deprecated))),
                                    ("removed", .int(step.count(.removed))), ("changed", .int(step.count(.changed))),
                                ])
                            ))
                        if let semver = step.semver { fields.append(("semver", ReportDocument.semverTree(semver))) }
                        if !step.channels.isEmpty {
                            fields.append(("channels", .object(step.channels.map { ($0.name, .string(ReportText.answer($0.verdict))) })))
                        }
                        fields.append(
                            (
                                "sections",
                                .object(
                                    step.sections.map { section, entries in
                                        (section.rawValue, .array(entries.map(Self.entryTree)))
                                    })
                            ))
                        return .object(fields)
                    })
            )
        ])
    }

    static func entryTree(_ entry: Entry) -> ReportTree {
        var fields: [(String, ReportTree)] = [("symbol", .string(entry.symbol))]
        if let kind = entry.change.subject { fields.append(("kind", .string(kind.noun))) }
        if let number = entry.change.headline.number { fields.append(("number", .int(Int(number)))) }
        if let view = entry.view { fields.append(("view", .string(view.rawValue))) }
        fields.append(("message", .string(entry.message)))
        if let location = entry.location { fields.append(("location", .string(location))) }
        fields.append(("rules", .array(entry.change.rules.map { .string($0) })))
        fields.append(("direction", .string(entry.change.direction.rawValue)))
        if let comment = entry.comment { fields.append(("comment", .string(comment))) }
        if !entry.nested.isEmpty {
            fields.append(
                (
                    "nested",
                    .array(
                        entry.nested.map { change in
                            var member: [(String, ReportTree)] = [("symbol", .string(change.symbol))]
                            if let kind = change.subject { member.append(("kind", .string(kind.noun))) }
                            return .object(member)
                        })
                ))
        }
        if let witness = entry.change.witness { fields.append(WitnessText.member(witness)) }
        return .object(fields)
    }
}
