import Compat

/// How much a finding matters to the gate, one mapping for every reporter: it fails the gate, it is a
/// hazard at the level, or it is for information. Each format spells the three its own way.
enum Severity {
    case fails, hazard, info

    init(_ result: CheckResult, _ finding: Finding) {
        self = result.breaks(finding) ? .fails : result.kind(of: finding) == .hazard ? .hazard : .info
    }

    /// The worst severity of an entry's findings.
    init(_ result: CheckResult, _ entry: ChangeEntry) {
        let all = entry.findings.map { Severity(result, $0) }
        self = all.contains(.fails) ? .fails : all.contains(.hazard) ? .hazard : .info
    }

    /// JSON and YAML reports (`severity`).
    var document: String { spelled("error", "warning", "info") }
    /// GitHub workflow commands.
    var github: String { spelled("error", "warning", "notice") }
    /// SARIF result levels.
    var sarif: String { spelled("error", "warning", "note") }
    /// The ANSI colour of a text line's tag: red, yellow, green.
    var ansiColor: String { spelled("31", "33", "32") }

    func spelled(_ fails: String, _ hazard: String, _ info: String) -> String {
        switch self {
        case .fails: fails
        case .hazard: hazard
        case .info: info
        }
    }
}
