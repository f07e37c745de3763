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

    /// `path:line:col`, or the file alone when the finding has no position; a finding about something
    /// gone from every file (a package) cites where it was in the old version.
    static func location(_ finding: Finding) -> String {
        if let place = finding.place, !place.file.isEmpty { return "\(place.file):\(place.line):\(place.column)" }
        return finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? finding.file
    }

    /// The verdict an entry gets at the check's level: the worst of its findings'.
    static func kind(_ result: CheckResult, _ entry: ChangeEntry) -> Verdict {
        entry.findings.map { result.kind(of: $0) }.max()!
    }

    /// The last line of a text report: how many changes of each verdict, and the gate's answer.
    static func summary(_ result: CheckResult) -> String {
        let entries = ChangeEntry.group(result.findings)
        guard !entries.isEmpty else { return "No changes from \(result.old.label) to \(result.new.label); the gate passes." }
        var counts: [Verdict: Int] = [:]
        for entry in entries { counts[kind(result, entry), default: 0] += 1 }
        let gate: String
        switch result.options.rules {
        case .precise: gate = "level \(result.options.level.rawValue)"
        case .buf(let category): gate = "rules buf:\(category.rawValue)"
        }
        let parts = [(Verdict.breaking, "breaking"), (.hazard, "hazard"), (.safe, "safe")].map { "\(counts[$0.0] ?? 0) \($0.1)" }
        let noun = entries.count == 1 ? "change" : "changes"
        return
            "\(entries.count) \(noun) (\(parts.joined(separator: ", "))); the gate \(result.isBreaking ? "fails" : "passes") at \(gate), direction \(result.options.direction?.rawValue ?? "both")."
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
