import Compat

/// Renders a check result in one format; every reporter is a pure function of the result.
public protocol CheckReporter: Sendable {
    func render(_ result: CheckResult) throws -> String
}

/// The report formats, by the name `--format` takes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, yaml, markdown, sarif, github, html

    /// The reporter for this format; `color` applies to text only.
    public func reporter(color: Bool = false) -> any CheckReporter {
        switch self {
        case .text: TextReporter(color: color)
        case .json: JSONReporter()
        case .yaml: YAMLReporter()
        case .markdown: MarkdownReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .html: HTMLReporter()
        }
    }
}
