import Compat

/// `path:line:col: RULE_ID: message [verdict, direction]`, one finding a line; colour only when asked
/// (the command asks on a terminal without NO_COLOR).
public struct TextReporter: CheckReporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ result: CheckResult) throws -> String {
        result.findings.map { finding in
            let location = finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? finding.file
            let kind = result.kind(of: finding)
            var tag = "[\(kind.rawValue), \(finding.direction.rawValue)]"
            if color {
                tag = "\u{1B}[\(Severity(result, finding).ansiColor)m\(tag)\u{1B}[0m"
            }
            var line = "\(location): \(finding.rule): \(Checker.message(finding)) \(tag)\n"
            // With configured roles, each finding says which channels it reaches (or that none does).
            if result.options.channels != nil {
                line += finding.channels.isEmpty ? "    channels: none reaches it\n" : finding.channels.map { impact in
                    let kind = impact.verdicts.worst(of: result.options.level.views).rawValue
                    let route = impact.route.isEmpty ? "" : " via \(impact.route)"
                    let effect = impact.effect.isEmpty ? "" : ": \(impact.effect)"
                    return "    channel \(impact.channel) [\(kind)]\(effect)\(route)\n"
                }.joined()
            }
            if let witness = finding.witness {
                line += WitnessText.lines(witness, result).map { "    \($0)\n" }.joined()
            }
            return line
        }.joined() + (result.semver.map { $0.sentence + "\n" } ?? "")
    }
}
