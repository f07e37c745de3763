import Compat

/// Small pieces of text every human-readable report shares.
enum ReportText {
    /// A channel's or a dependent's answer: compatible, hazards, breaks.
    static func answer(_ verdict: Verdict) -> String {
        switch verdict {
        case .safe: "compatible"
        case .hazard: "hazards"
        case .breaking: "breaks"
        }
    }

    /// `path:line:col`, or the file alone when the finding has no position.
    static func location(_ finding: Finding) -> String {
        finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? finding.file
    }

    /// Text safe inside HTML (Markdown's `<details>` summaries).
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
