/// The SemVer gate (`check --semver`, `bump`): the bump a release's changes need, against the bump
/// its version number makes. Breaking at the check's level and direction needs a major bump (a minor
/// one while the major is 0), additions a minor bump, any other change a patch.
public struct SemverVerdict: Sendable {
    public var old: SemanticVersion
    public var new: SemanticVersion
    public var required: Bump
    public var actual: Bump
    /// The fingerprints of the findings that decide `required`.
    public var because: [String]
    /// How many findings of each kind decided it.
    public var breaking: Int
    public var additions: Int

    /// Whether the new number makes at least the bump needed (and does not go backwards).
    public var ok: Bool { actual >= required && new >= old }
    /// The smallest number that would have been enough.
    public var needed: SemanticVersion { required.next(after: old) }

    public init(_ result: CheckResult, old: SemanticVersion, new: SemanticVersion) {
        self.old = old
        self.new = new
        actual = Bump.between(old, new)
        let breaks = result.findings.filter { result.breaks($0) }
        let additions = result.findings.filter { finding in
            !result.breaks(finding) && RuleCatalog.rule(finding.rule)?.changeKind == .addition
        }
        breaking = breaks.count
        self.additions = additions.count
        if !breaks.isEmpty {
            required = .major
            because = breaks.map(\.fingerprint)
        } else if !additions.isEmpty {
            required = .minor
            because = additions.map(\.fingerprint)
        } else {
            required = result.findings.isEmpty ? .none : .patch
            because = []
        }
    }

    /// One line for people: `semver: needs a major bump (2.0.0) for 2 breaking changes; released as 1.0.7, a patch`.
    public var sentence: String {
        let reason = breaking > 0 ? "\(breaking) breaking finding\(breaking == 1 ? "" : "s")"
            : additions > 0 ? "\(additions) addition\(additions == 1 ? "" : "s")" : required == .none ? "no change" : "changes that break nothing"
        let verdict = ok ? "ok" : "FAILS"
        let needs = required == .none ? "needs no bump" : "needs a \(required) bump (\(needed)) for \(reason)"
        let made = new < old ? "a lower number" : actual == .none ? "the same number" : "a \(actual) bump"
        return "semver \(verdict): \(old) -> \(new) \(needs); released as \(new), \(made)"
    }
}
