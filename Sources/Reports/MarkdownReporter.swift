import Compat
import ProtoModel

/// A PR comment: a verdict line, a summary table by view and kind, then the changes grouped by file,
/// what fails the gate first, each with the rule IDs that saw it, old -> new, and direction.
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
        let entries = ChangeEntry.group(result.findings)
        let failing = entries.filter { $0.findings.contains(where: result.breaks) }.count
        out +=
            result.isBreaking
            ? "### protocompat: breaking (\(failing) \(failing == 1 ? "change fails" : "changes fail") the gate)\n\n"
            : "### protocompat: compatible\n\n"
        out += "`\(result.old.label)` -> `\(result.new.label)`, \(gate), direction `\(direction)`.\n\n"
        if let semver = result.semver { out += (semver.ok ? "" : "**") + semver.sentence + (semver.ok ? "" : "**") + "\n\n" }
        out += "| view | breaking | hazard | safe |\n|---|---|---|---|\n"
        for view in View.allCases {
            let counts = Verdict.allCases.reversed().map { verdict in entries.filter { $0.verdicts[view] == verdict }.count }
            out += "| \(view.rawValue) | \(counts.map(String.init).joined(separator: " | ")) |\n"
        }
        if result.options.channels != nil { out += channelTable(result) }
        guard !entries.isEmpty else { return out + "\nNo changes.\n" }
        let byFile = Dictionary(grouping: entries) { $0.headline.location?.file ?? $0.headline.file }
        for file in byFile.keys.sorted() {
            out += "\n#### `\(file.isEmpty ? "(no file)" : file)`\n\n"
            let withChannels = result.options.channels != nil
            out +=
                withChannels
                ? "| | rule | element | change | old -> new | direction | channels |\n|---|---|---|---|---|---|---|\n"
                : "| | rule | element | change | old -> new | direction |\n|---|---|---|---|---|---|\n"
            let changes = byFile[file]!.sorted { a, b in
                let ka = rank(result, a)
                let kb = rank(result, b)
                if ka != kb { return ka < kb }
                return (a.headline.location?.line ?? 0, a.headline.rule, a.symbol) < (b.headline.location?.line ?? 0, b.headline.rule, b.symbol)
            }
            for entry in changes {
                let finding = entry.headline
                let status = entry.findings.contains(where: result.breaks) ? "**fails**" : ReportText.kind(result, entry).rawValue
                let change = [finding.arguments[.old], finding.arguments[.new]].compactMap { $0 }
                let oldNew = change.count == 2 ? "`\(ReportText.cell(change[0]))` -> `\(ReportText.cell(change[1]))`" : ""
                out +=
                    "| \(status) | \(entry.rules.joined(separator: ", ")) | `\(ReportText.cell(finding.symbol))` | \(ReportText.cell(Checker.message(finding))) | \(oldNew) | \(entry.direction.rawValue) |"
                out += withChannels ? " \(ReportText.cell(channelCell(result, entry))) |\n" : "\n"
            }
            // Witnesses (`--explain`) below the file's table, one collapsible block each.
            for entry in changes {
                if let witness = entry.witness { out += WitnessText.details(entry.headline, witness, result) }
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
    func channelCell(_ result: CheckResult, _ entry: ChangeEntry) -> String {
        let channels = entry.channels(worstIn: result.options.level.views)
        guard !channels.isEmpty else { return "none" }
        return channels.map { impact in
            let kind = impact.verdicts.worst(of: result.options.level.views).rawValue
            return impact.effect.isEmpty ? "\(impact.channel): \(kind)" : "\(impact.channel): \(kind), \(impact.effect)"
        }.joined(separator: "; ")
    }

    func rank(_ result: CheckResult, _ entry: ChangeEntry) -> Int {
        if entry.findings.contains(where: result.breaks) { return 0 }
        switch ReportText.kind(result, entry) {
        case .breaking: return 1
        case .hazard: return 2
        case .safe: return 3
        }
    }
}
