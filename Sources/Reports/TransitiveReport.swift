import Compat

/// `check --transitive`: the new version against every earlier version given (Confluent's
/// transitive compatibility). One section per earlier version in text and Markdown; one document
/// holding every check in JSON and YAML; SARIF and GitHub annotations get each finding once.
public enum TransitiveReport {
    public static func render(_ results: [CheckResult], format: ReportFormat, color: Bool = false) throws -> String {
        switch format {
        case .text:
            return try results.map { result in
                "== \(result.old.label) -> \(result.new.label): \(result.isBreaking ? "breaking" : "compatible")\n"
                    + (try TextReporter(color: color).render(result))
            }.joined(separator: "\n")
        case .markdown:
            var out = "### protocompat: \(results.contains { $0.isBreaking } ? "breaking" : "compatible") against every earlier version\n\n"
            out += "| against | verdict | breaking | hazard | safe |\n|---|---|---|---|---|\n"
            for result in results {
                let summary = result.summary
                out +=
                    "| `\(result.old.label)` | \(result.isBreaking ? "**breaking**" : "compatible") | \(summary[.breaking] ?? 0) | \(summary[.hazard] ?? 0) | \(summary[.safe] ?? 0) |\n"
            }
            for result in results {
                out += "\n" + (try MarkdownReporter().render(result)).replacingOccurrences(of: "### protocompat:", with: "#### protocompat:")
            }
            return out
        case .html:
            let title = "protocompat: \(results.last?.new.label ?? "") against every earlier version"
            return HTMLPage(title: title, body: MarkdownHTML().render(try render(results, format: .markdown))).render()
        case .json: return tree(results).json() + "\n"
        case .yaml: return try tree(results).yaml()
        case .sarif, .github: return try format.reporter().render(merged(results))
        }
    }

    static func tree(_ results: [CheckResult]) -> ReportTree {
        let new = results.last?.new
        return .object([
            ("new", .object([("label", .string(new?.label ?? "")), ("source", .string(new?.source ?? ""))])),
            ("transitive", .bool(true)),
            ("breaking", .bool(results.contains { $0.isBreaking })),
            ("checks", .array(results.map(ReportDocument.tree))),
        ])
    }

    /// One result holding each finding once (by fingerprint and place), the gate's worst first.
    static func merged(_ results: [CheckResult]) -> CheckResult {
        guard var merged = results.last else { fatalError("a transitive check has at least one earlier version") }
        let findings = Finding.unique(results.reversed().flatMap(\.findings))
        merged.old = CheckResult.Side(label: results.map(\.old.label).joined(separator: ", "), source: results.map(\.old.source).joined(separator: " "))
        merged.findings = findings.sorted { merged.kind(of: $0) > merged.kind(of: $1) }
        return merged
    }
}
