import Compat

/// `protocompat pair CLIENT SERVER` in text, Markdown, JSON or YAML: one verdict per channel that
/// crosses between client and server, then the findings that hurt each channel's reader.
public enum PairReport {
    /// The formats `pair` writes.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json, yaml
    }

    public static func render(_ analysis: PairAnalysis, format: Format) throws -> String {
        switch format {
        case .text: text(analysis)
        case .markdown: markdown(analysis)
        case .json: tree(analysis).json() + "\n"
        case .yaml: try tree(analysis).yaml()
        }
    }

    static func route(_ finding: Finding, _ channel: String) -> String {
        finding.channels.first { $0.channel == channel }?.route ?? ""
    }

    static func text(_ analysis: PairAnalysis) -> String {
        let result = analysis.result
        var out = "client \(result.old.label) <-> server \(result.new.label) (level \(result.options.level.rawValue)): "
        out += analysis.isBreaking ? "breaks\n" : analysis.answers.contains { $0.verdict == .hazard } ? "hazards\n" : "compatible\n"
        for answer in analysis.answers {
            let channel = answer.channel
            out +=
                "\n\(channel.name): \(ReportText.answer(answer.verdict)) (\(channel.writer) \(answer.writerVersion) -> \(channel.reader) \(answer.readerVersion), "
            out += channel.encodings.map(\.rawValue).joined(separator: "+") + ")\n"
            for (index, (finding, kind)) in answer.findings.enumerated() {
                out += "  \(ReportText.location(finding)): \(finding.rule): \(Checker.message(finding)) [\(kind.rawValue), \(finding.direction.rawValue)]\n"
                let route = route(finding, channel.name)
                if !route.isEmpty { out += "    via \(route)\n" }
                if let witness = answer.witness(index) {
                    out += WitnessText.lines(witness, result).map { "    \($0)\n" }.joined()
                }
            }
        }
        if !analysis.unreached.isEmpty {
            out += "\nnot reached by any channel: \(analysis.unreached.count) findings (see 'protocompat check')\n"
        }
        return out
    }

    static func markdown(_ analysis: PairAnalysis) -> String {
        let result = analysis.result
        var out = "### protocompat pair: client `\(result.old.label)`, server `\(result.new.label)`\n\n"
        out +=
            "Level `\(result.options.level.rawValue)`. Each channel is judged for its reader: the version it runs reading what the writer's version writes.\n\n"
        out += "| channel | writer -> reader | encodings | verdict | breaking | hazard |\n|---|---|---|---|---|---|\n"
        for answer in analysis.answers {
            let breaking = answer.findings.filter { $0.kind == .breaking }.count
            let hazard = answer.findings.filter { $0.kind == .hazard }.count
            out += "| \(answer.channel.name) | \(answer.channel.writer) `\(answer.writerVersion)` -> \(answer.channel.reader) `\(answer.readerVersion)` | "
            out +=
                "\(answer.channel.encodings.map(\.rawValue).joined(separator: ", ")) | **\(ReportText.answer(answer.verdict))** | \(breaking) | \(hazard) |\n"
        }
        for answer in analysis.answers where !answer.findings.isEmpty {
            out += "\n#### \(answer.channel.name)\n\n| kind | rule | element | change | route |\n|---|---|---|---|---|\n"
            for (finding, kind) in answer.findings {
                out +=
                    "| \(kind.rawValue) | \(finding.rule) | `\(finding.symbol)` | \(ReportText.cell(Checker.message(finding))) | \(ReportText.cell(route(finding, answer.channel.name))) |\n"
            }
            for (index, (finding, _)) in answer.findings.enumerated() {
                guard let witness = answer.witness(index) else { continue }
                out += WitnessText.details(finding, witness, result)
            }
        }
        if !analysis.unreached.isEmpty {
            out += "\n\(analysis.unreached.count) findings are in elements no channel reaches (see `protocompat check`).\n"
        }
        return out
    }

    static func tree(_ analysis: PairAnalysis) -> ReportTree {
        let result = analysis.result
        let channels: [ReportTree] = analysis.answers.map { answer in
            .object([
                ("channel", .string(answer.channel.name)),
                ("writer", .object([("role", .string(answer.channel.writer)), ("version", .string(answer.writerVersion))])),
                ("reader", .object([("role", .string(answer.channel.reader)), ("version", .string(answer.readerVersion))])),
                ("encodings", .array(answer.channel.encodings.map { .string($0.rawValue) })),
                ("verdict", .string(ReportText.answer(answer.verdict))),
                (
                    "findings",
                    .array(
                        answer.findings.enumerated().map { index, entry in
                            let (finding, kind) = entry
                            var fields: [(String, ReportTree)] = [
                                ("rule", .string(finding.rule)), ("kind", .string(kind.rawValue)), ("direction", .string(finding.direction.rawValue)),
                                ("symbol", .string(finding.symbol)), ("path", .string(finding.location?.file ?? finding.file)),
                                ("line", .int(finding.location?.line ?? 0)), ("message", .string(Checker.message(finding))),
                            ]
                            let route = route(finding, answer.channel.name)
                            if !route.isEmpty { fields.append(("route", .string(route))) }
                            if let witness = answer.witness(index) { fields.append(WitnessText.member(witness)) }
                            fields.append(("fingerprint", .string(finding.fingerprint)))
                            return .object(fields)
                        })
                ),
            ])
        }
        return .object([
            ("client", .object([("label", .string(result.old.label)), ("source", .string(result.old.source))])),
            ("server", .object([("label", .string(result.new.label)), ("source", .string(result.new.source))])),
            ("level", .string(result.options.level.rawValue)),
            ("breaking", .bool(analysis.isBreaking)),
            ("channels", .array(channels)),
            ("unreached", .int(analysis.unreached.count)),
        ])
    }
}

extension PairAnalysis.ChannelAnswer {
    /// The witness of the finding at `index`, when `pair --explain` found one (or a reason).
    func witness(_ index: Int) -> WitnessOutcome? { index < witnesses.count ? witnesses[index] : nil }
}
