/// The bump each kind of change needs (`semver:` in protocompat.yaml). By default anything that
/// breaks at the check's level needs a major bump, additions a minor one, anything else a patch; a
/// project that treats JSON-only breaks as minor says `semver: {json: minor}`.
public struct SemverPolicy: Sendable, Equatable {
    /// A change that breaks the binary encoding or an RPC contract at the check's level.
    public var wire: Bump = .major
    /// A change that breaks JSON and not the binary encoding.
    public var json: Bump = .major
    /// A change that breaks generated code only (counted at level `source`).
    public var source: Bump = .major
    /// An added element that breaks nothing.
    public var addition: Bump = .minor
    /// Any other change (hazards, deprecations, option changes that break nothing).
    public var other: Bump = .patch

    public init() {}

    /// The keys of `semver:`, each taking `major`, `minor`, `patch` or `none`.
    public static let keys = ["addition", "json", "other", "source", "wire"]

    /// Sets one key; false when the key is not one of `keys`.
    public mutating func set(_ key: String, _ bump: Bump) -> Bool {
        switch key {
        case "wire": wire = bump
        case "json": json = bump
        case "source": source = bump
        case "addition": addition = bump
        case "other": other = bump
        default: return false
        }
        return true
    }

    /// What a finding is for the policy, and the bump it needs.
    func judge(_ finding: Finding, in result: CheckResult) -> (SemverVerdict.Reason, Bump) {
        if result.breaks(finding) {
            // The first view (wire, JSON, code) where the finding breaks, in general or in a channel.
            let breaksIn = { (view: View) in
                finding.verdicts[view] == .breaking || finding.channels.contains { $0.verdicts[view] == .breaking }
            }
            if breaksIn(.wire) || result.options.level.views == [.wire] { return (.wireBreak, wire) }
            if breaksIn(.json) { return (.jsonBreak, json) }
            return (.sourceBreak, source)
        }
        if RuleCatalog.rule(finding.rule)?.changeKind == .addition { return (.addition, addition) }
        return (.other, other)
    }
}

extension Bump {
    /// `major`, `minor`, `patch` or `none`.
    public init?(name: String) {
        guard let index = Bump.allCases.firstIndex(where: { $0.description == name }) else { return nil }
        self = Bump.allCases[index]
    }
}
