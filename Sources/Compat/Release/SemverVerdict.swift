/// The SemVer gate (`check --semver`, `bump`, changelogs): the bump a release's changes need under
/// a policy (by default: breaking at the check's level and direction needs a major bump, a minor one
/// while the major is 0; additions a minor bump; any other change a patch), against the bump its
/// version number makes.
public struct SemverVerdict: Sendable {
    /// What a finding counts as for the policy.
    public enum Reason: String, Sendable, CaseIterable {
        case wireBreak = "wire break"
        case jsonBreak = "JSON break"
        case sourceBreak = "source break"
        case addition
        case other = "other change"
    }

    public var old: SemanticVersion
    public var new: SemanticVersion
    public var required: Bump
    public var actual: Bump
    /// The fingerprints of the findings that decide `required` (none when a patch is enough).
    public var because: [String]
    /// How many changes (findings of one element grouped as reports show them) of each reason decided `required`.
    public var deciding: [Reason: Int]
    /// How many findings break at the check's level, and how many are additions that do not.
    public var breaking: Int
    public var additions: Int

    /// Whether the new number makes at least the bump needed (and does not go backwards).
    public var ok: Bool { actual >= required && new >= old }
    /// The smallest number that would have been enough.
    public var needed: SemanticVersion { required.next(after: old) }

    public init(_ result: CheckResult, old: SemanticVersion, new: SemanticVersion, policy: SemverPolicy = SemverPolicy()) {
        self.old = old
        self.new = new
        actual = Bump.between(old, new)
        let judged = result.findings.map { (finding: $0, judgement: policy.judge($0, in: result)) }
        breaking = judged.filter { $0.judgement.0.isBreak }.count
        additions = judged.filter { $0.judgement.0 == .addition }.count
        let needed = judged.map(\.judgement.1).max() ?? .none
        let decisive = judged.filter { $0.judgement.1 == needed }
        required = needed
        // Counted as changes, not findings: a deletion its reservation twins also saw is one.
        let reasonOf = Dictionary(decisive.map { ($0.finding, $0.judgement.0) }, uniquingKeysWith: { first, _ in first })
        deciding = Dictionary(
            ChangeEntry.group(decisive.map(\.finding)).map { entry in
                (entry.findings.compactMap { reasonOf[$0] }.min { Reason.allCases.firstIndex(of: $0)! < Reason.allCases.firstIndex(of: $1)! }!, 1)
            }, uniquingKeysWith: +)
        because = needed >= .minor ? decisive.map(\.finding.fingerprint) : []
    }

    /// One line for people: `semver FAILS: 1.0.6 -> 1.0.7 needs a major bump (2.0.0) for 1 JSON break; released as 1.0.7, a patch bump`.
    public var sentence: String {
        let verdict = ok ? "ok" : "FAILS"
        let needs = required == .none ? "needs no bump" : "needs a \(position(required)) bump (\(needed)) for \(reasons)"
        return "semver \(verdict): \(old) -> \(new) \(needs); released as \(new), \(made)"
    }

    /// `a patch bump`, `the same number`, `a lower number`.
    public var made: String { actual == .none || new < old ? releasedAs : releasedAs + " bump" }

    /// `a patch`, `the same number`, `a lower number`: what the release's number is.
    public var releasedAs: String {
        new < old ? "a lower number" : actual == .none ? "the same number" : "a \(position(actual))"
    }

    /// The part of the number a bump changes: its own name from 1.0.0 on; while the major is 0 a
    /// major bump (a breaking change) moves the minor and a minor bump moves the patch.
    public func position(_ bump: Bump) -> String {
        guard old.major == 0 else { return bump.description }
        switch bump {
        case .major: return "minor"
        case .minor, .patch: return "patch"
        case .none: return "none"
        }
    }

    /// `1 JSON break and 2 additions`: the changes that decided the bump.
    public var reasons: String {
        let parts = Reason.allCases.compactMap { reason in
            deciding[reason].map { n in "\(n) \(reason.rawValue)\(n == 1 ? "" : "s")" }
        }
        guard !parts.isEmpty else { return "no change" }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}

extension SemverVerdict.Reason {
    var isBreak: Bool { self == .wireBreak || self == .jsonBreak || self == .sourceBreak }
}
