import Compat
import ProtoModel

/// A PR comment: a verdict line, a summary table by view and kind, then the findings grouped by file
/// and element, what fails the gate first, each with its rule ID, old -> new, and direction.
public struct MarkdownReporter: CheckReporter {
    public init() {}

    public func render(_ result: CheckResult) throws -> String {
        var out = ""
        let gate: String
        switch result.options.rules {
        case .precise: gate = "level `\(result.options.level.rawValue)`"
        case .buf(let category): gate = "rules `buf:\(category.rawValue)`"
        }
        let direction = result.options.direction?.rawValue ?? "both"
        let failing = result.findings.filter(result.breaks).count
        out += result.isBreaking
            ? "### protocompat: breaking (\(failing) \(failing == 1 ? "change fails" : "changes fail") the gate)\n\n"
            : "### protocompat: compatible\n\n"
        out += "`\(result.old.label)` -> `\(result.new.label)`, \(gate), direction `\(direction)`.\n\n"
        if let semver = result.semver { out += (semver.ok ? "" : "**") + semver.sentence + (semver.ok ? "" : "**") + "\n\n" }
        out += "| view | breaking | hazard | safe |\n|---|---|---|---|\n"
        for view in View.allCases {
            let counts = Verdict.allCases.reversed().map { verdict in result.findings.filter { $0.verdicts[view] == verdict }.count }
            out += "| \(view.rawValue) | \(counts.map(String.init).joined(separator: " | ")) |\n"
        }
        if result.options.channels != nil { out += channelTable(result) }
        guard !result.findings.isEmpty else { return out + "\nNo changes.\n" }
        let byFile = Dictionary(grouping: result.findings) { $0.location?.file ?? $0.file }
        for file in byFile.keys.sorted() {
            out += "\n#### `\(file.isEmpty ? "(no file)" : file)`\n\n"
            let withChannels = result.options.channels != nil
            out += withChannels ? "| | rule | element | change | old -> new | direction | channels |\n|---|---|---|---|---|---|---|\n"
                : "| | rule | element | change | old -> new | direction |\n|---|---|---|---|---|---|\n"
            let findings = byFile[file]!.sorted { a, b in
                let ka = rank(result, a), kb = rank(result, b)
                if ka != kb { return ka < kb }
                return (a.location?.line ?? 0, a.rule, a.symbol) < (b.location?.line ?? 0, b.rule, b.symbol)
            }
            for finding in findings {
                let status = result.breaks(finding) ? "**fails**" : result.kind(of: finding).rawValue
                let change = [finding.arguments["old"], finding.arguments["new"]].compactMap { $0 }
                let oldNew = change.count == 2 ? "`\(ReportText.cell(change[0]))` -> `\(ReportText.cell(change[1]))`" : ""
                out += "| \(status) | \(finding.rule) | `\(ReportText.cell(finding.symbol))` | \(ReportText.cell(Checker.message(finding))) | \(oldNew) | \(finding.direction.rawValue) |"
                out += withChannels ? " \(ReportText.cell(channelCell(result, finding))) |\n" : "\n"
            }
            // Witnesses (`--explain`) below the file's table, one collapsible block each.
            for finding in findings {
                if let witness = finding.witness { out += WitnessText.details(finding, witness, result) }
            }
        }
        return out
    }

    /// Per channel: who writes and reads it, and how many findings reach it by kind.
    func channelTable(_ result: CheckResult) -> String {
        var out = "\n| channel | writer -> reader | encodings | breaking | hazard | safe |\n|---|---|---|---|---|---|\n"
        for channel in result.channels {
            var counts: [Verdict: Int] = [:]
            for finding in result.findings {
                if let kind = result.kind(of: finding, in: channel.name) { counts[kind, default: 0] += 1 }
            }
            out += "| \(channel.name) | \(channel.writer) -> \(channel.reader) | \(channel.encodings.map(\.rawValue).joined(separator: ", ")) | "
            out += "\(counts[.breaking] ?? 0) | \(counts[.hazard] ?? 0) | \(counts[.safe] ?? 0) |\n"
        }
        let unreached = result.findings.filter { $0.channels.isEmpty }.count
        if unreached > 0 { out += "| (no channel) | | | \(unreached) findings in elements no channel reaches | | |\n" }
        return out
    }

    /// `signal-response: breaking, old client reads what new server writes` for each channel.
    func channelCell(_ result: CheckResult, _ finding: Finding) -> String {
        guard !finding.channels.isEmpty else { return "none" }
        return finding.channels.map { impact in
            let kind = impact.verdicts.worst(of: result.options.level.views).rawValue
            return impact.effect.isEmpty ? "\(impact.channel): \(kind)" : "\(impact.channel): \(kind), \(impact.effect)"
        }.joined(separator: "; ")
    }

    func rank(_ result: CheckResult, _ finding: Finding) -> Int {
        if result.breaks(finding) { return 0 }
        switch result.kind(of: finding) {
        case .breaking: return 1
        case .hazard: return 2
        case .safe: return 3
        }
    }
}
