import Compat

/// GitHub Actions workflow commands, one per change: `::error file=..,line=..,col=..,title=RULES::message`
/// (warning for hazards, notice for the rest), escaped as the runner expects.
public struct GitHubReporter: CheckReporter {
    public init() {}

    public func render(_ result: CheckResult) throws -> String {
        ChangeEntry.group(result.findings).map { entry in
            let finding = entry.headline
            let command = Severity(result, entry).github
            var properties: [String] = []
            let place = finding.place
            let path = place?.file ?? finding.file
            if !path.isEmpty { properties.append("file=" + Self.escapeProperty(path)) }
            if let location = place, location.line > 0 {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=" + Self.escapeProperty(entry.rules.joined(separator: ", ")))
            return
                "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(Checker.message(finding) + (entry.witness.map { "\n" + WitnessText.lines($0, result).joined(separator: "\n") } ?? "")))\n"
        }.joined() + (result.semver.map { "::\($0.ok ? "notice" : "error") title=semver::\(Self.escapeData($0.sentence))\n" } ?? "")
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
