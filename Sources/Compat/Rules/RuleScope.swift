/// What of a pair a rule walks. The engine runs a rule only in a comparison (or part of one) that
/// holds what it walks, so no rule tests whether anything changed: a whole check skips the file
/// rules when no file changed, and a matrix runs each rule in the parts that hold its scope
/// (`SchemaPair.Part`, `PartialCheck`).
public enum RuleScope: Sendable {
    /// The paired messages, enums, services and fields (`messagePairs`, `enumPairs`,
    /// `servicePairs`, `allFieldPairs`): the engine leaves out those unchanged in both versions.
    case pairedElements
    /// The changed files of both versions (`changedOldFiles`, `changedNewFiles`), read against the
    /// whole of each version (a package's other files, an extension's old number): run wherever a
    /// file changed.
    case changedFiles
    /// Each changed file alone, its two versions and nothing else: a matrix checks such rules file
    /// by file and reuses what a file gave wherever it changed the same way.
    case eachChangedFile

    /// What a rule of this scope reads, as docs/rules.md says it.
    public var summary: String {
        switch self {
        case .pairedElements: "the messages, enums, services and fields both versions have (by full name, fields by number)"
        case .changedFiles: "the files that changed, against the whole of each version"
        case .eachChangedFile: "each changed file alone, its two versions"
        }
    }

    /// Whether `pair` holds what a rule of this scope walks.
    func isHeld(by pair: SchemaPair) -> Bool {
        switch self {
        case .pairedElements: true
        case .changedFiles, .eachChangedFile: !pair.changedOldFiles.isEmpty || !pair.changedNewFiles.isEmpty
        }
    }
}
