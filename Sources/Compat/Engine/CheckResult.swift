import ProtoModel

/// The outcome of comparing two versions: every finding, sorted, with the gate's verdict.
/// Every reporter is a pure function of it.
public struct CheckResult: Sendable {
    public struct Side: Sendable, Hashable, Codable {
        public var label: String
        public var source: String

        public init(label: String, source: String) {
            self.label = label
            self.source = source
        }
    }

    public var old: Side
    public var new: Side
    public var options: CheckOptions
    /// Sorted by (verdict, worst first), file, line, column, rule, symbol.
    public var findings: [Finding]
    /// The channels findings were judged in (configured, or derived from the services).
    public var channels: [Channel] = []
    /// The SemVer gate's verdict (`check --semver`), when asked for.
    public var semver: SemverVerdict?

    /// The verdict a finding gets at the chosen level: the worst of the level's views, in the
    /// channels that carry it (as each channel sees it), or in general when no channel does.
    public func kind(of finding: Finding) -> Verdict {
        if case .buf = options.rules { return .breaking }
        // A finding that hurts only the other direction is safe in the one asked for, as the exit code says.
        guard counts(finding.direction) else { return .safe }
        let views = options.level.views
        guard !finding.channels.isEmpty else { return finding.verdicts.worst(of: views) }
        return finding.channels.map { $0.verdicts.worst(of: views) }.max() ?? .safe
    }

    /// The verdict a finding gets in one channel at the chosen level (nil when the channel does not carry it).
    public func kind(of finding: Finding, in channel: String) -> Verdict? {
        finding.channels.first { $0.channel == channel }.map { $0.verdicts.worst(of: options.level.views) }
    }

    /// Whether a finding's direction is one the check asks about (`--direction`).
    func counts(_ direction: Direction) -> Bool {
        guard let wanted = options.direction, wanted != .both else { return true }
        return direction == wanted || direction == .both
    }

    /// Whether a finding makes the gate fail: breaking at the level, in a direction that counts.
    public func breaks(_ finding: Finding) -> Bool {
        kind(of: finding) == .breaking && !options.baseline.contains(finding.fingerprint)
    }

    /// Whether the gate fails: a finding breaks, or the version number understates the changes (`--semver`).
    public var isBreaking: Bool { findings.contains(where: breaks) || semver.map { !$0.ok } ?? false }

    /// Counts of findings by kind at the chosen level.
    public var summary: [Verdict: Int] {
        var counts: [Verdict: Int] = [.breaking: 0, .hazard: 0, .safe: 0]
        for finding in findings { counts[kind(of: finding), default: 0] += 1 }
        return counts
    }
}
