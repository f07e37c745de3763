import ProtoModel

/// A comparison in parts, for a matrix to check separately and reuse (`PartialCheck`, `MatrixWalk`).
extension SchemaPair {
    /// A part of a comparison: every finding of a pair comes from exactly one part, so a matrix can
    /// check the parts separately and reuse a part's findings wherever the same element changed the
    /// same way (`PartialCheck`).
    public enum Part: Sendable, Hashable {
        /// One top-level message (with everything nested in it), enum or service present in both versions.
        case element(String)
        /// Everything else: the changed files (additions, deletions, moves, file options) and extensions.
        case files
        /// One file both versions have, alone: what rules that look at one file at a time (deletions
        /// from a file, file options, syntax, package) find in it.
        case file(String)
    }

    /// Pairs only one part of two versions.
    public init(old oldVersion: Version, new newVersion: Version, part: Part, typeReads: TypeReadLog? = nil) {
        self.old = oldVersion
        self.new = newVersion
        self.typeReads = typeReads
        switch part {
        case .element(let name):
            changedOldFiles = []
            changedNewFiles = []
            let isOther = { (fullName: String) in fullName != name }
            let file = newVersion.file(of: name).map { [$0] } ?? []
            if newVersion.index.messages.contains(name) {
                messagePairs = Self.pairMessages(oldVersion, newVersion, unchanged: isOther, in: file)
                enumPairs = Self.pairEnums(oldVersion, newVersion, within: name, in: file)
                servicePairs = []
            } else if newVersion.index.enums.contains(name) {
                messagePairs = []
                enumPairs = Self.pairEnums(oldVersion, newVersion, within: name, in: file)
                servicePairs = []
            } else {
                messagePairs = []
                enumPairs = []
                servicePairs = Self.pairServices(oldVersion, newVersion, unchanged: isOther)
            }
            allFieldPairs = Self.pairFields(messagePairs, oldVersion, newVersion, extensions: false)
        case .file(let name):
            changedOldFiles = oldVersion.files[name].map { [$0] } ?? []
            changedNewFiles = newVersion.files[name].map { [$0] } ?? []
            messagePairs = []
            enumPairs = []
            servicePairs = []
            allFieldPairs = []
        case .files:
            let oldFiles = oldVersion.digests.files
            let newFiles = newVersion.digests.files
            changedOldFiles = oldVersion.schema.files.filter { oldFiles[$0.name] != newFiles[$0.name] }
            changedNewFiles = newVersion.schema.files.filter { oldFiles[$0.name] != newFiles[$0.name] }
            messagePairs = []
            enumPairs = []
            servicePairs = []
            allFieldPairs = Self.pairFields([], oldVersion, newVersion)
        }
    }
}
