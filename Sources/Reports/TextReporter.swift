import Compat

/// `path:line:col: RULE_ID[, RULE_ID]: message [verdict, direction]`, one change a line (the rules
/// that saw the same change share it), then a summary line; colour only when asked (the command
/// asks on a terminal without NO_COLOR).
public struct TextReporter: CheckReporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ result: CheckResult) throws -> String {
        ChangeEntry.group(result.findings).map { entry in
            let finding = entry.headline
            var tag = "[\(ReportText.kind(result, entry).rawValue), \(entry.direction.rawValue)]"
            if color {
                tag = "\u{1B}[\(Severity(result, entry).ansiColor)m\(tag)\u{1B}[0m"
            }
            var line = "\(ReportText.location(finding)): \(entry.rules.joined(separator: ", ")): \(Checker.message(finding)) \(tag)\n"
            // With configured roles, each change says which channels it reaches (or that none does).
            if result.options.channels != nil {
                let views = result.options.level.views
                let channels = entry.channels(worstIn: views)
                line +=
                    channels.isEmpty
                    ? "    channels: none reaches it\n"
                    : channels.map { impact in
                        let kind = impact.verdicts.worst(of: views).rawValue
                        let route = impact.route.isEmpty ? "" : " via \(impact.route)"
                        let effect = impact.effect.isEmpty ? "" : ": \(impact.effect)"
                        return "    channel \(impact.channel) [\(kind)]\(effect)\(route)\n"
                    }.joined()
            }
            if let witness = entry.witness {
                line += WitnessText.lines(witness, result).map { "    \($0)\n" }.joined()
            }
            return line
        }.joined() + (result.semver.map { $0.sentence + "\n" } ?? "") + ReportText.summary(result) + "\n"
    }
}
