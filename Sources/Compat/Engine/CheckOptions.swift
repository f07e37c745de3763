/// What a check judges by: a level over protocompat's verdicts, or exactly one of buf's categories.
public struct CheckOptions: Sendable, Hashable {
    /// Which rules run and what makes the gate fail.
    public enum RuleSelection: Sendable, Hashable {
        /// protocompat's rules; a finding breaks when its verdict at the level is `breaking`.
        case precise
        /// buf's rules of one category; every finding breaks, as with `buf breaking`.
        case buf(BufCategory)
    }

    public var level: Level
    /// nil: both directions count.
    public var direction: Direction?
    public var rules: RuleSelection
    /// Fingerprints of findings already known (from `--baseline`): they are reported but never fail the gate.
    public var baseline: Set<String>
    /// The channels findings are judged in (config `roles:`); nil: the requests and responses of every service.
    public var channels: [Channel]?
    /// Whether each finding is given the channels it reaches (`Finding.channels`). A matrix that only
    /// counts verdicts turns it off.
    public var attributesChannels = true
    /// Whether each finding that breaks or is a hazard on the wire or in JSON gets a witness (`--explain`).
    public var explains = false

    public init(
        level: Level = .wireJSON, direction: Direction? = nil, rules: RuleSelection = .precise, baseline: Set<String> = [],
        channels: [Channel]? = nil
    ) {
        self.level = level
        self.direction = direction
        self.rules = rules
        self.baseline = baseline
        self.channels = channels
    }

    /// The rules this selection runs.
    public var selectedRules: [any CompatRule] {
        switch rules {
        case .precise: RuleCatalog.all.filter(\.runsInPreciseMode)
        case .buf(let category): RuleCatalog.all.filter { $0.info.bufCategories.contains(category) }
        }
    }
}
