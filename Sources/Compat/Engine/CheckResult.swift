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

    /// The verdict a finding gets at the chosen level (the worst of the level's views).
    public func kind(of finding: Finding) -> Verdict {
        if case .buf = options.rules { return .breaking }
        return finding.verdicts.worst(of: options.level.views)
    }

    /// Whether a finding makes the gate fail: breaking at the level, in a direction that counts.
    public func breaks(_ finding: Finding) -> Bool {
        guard kind(of: finding) == .breaking, !options.baseline.contains(finding.fingerprint) else { return false }
        guard let wanted = options.direction, wanted != .both else { return true }
        return finding.direction == wanted || finding.direction == .both
    }

    public var isBreaking: Bool { findings.contains(where: breaks) }

    /// Counts of findings by kind at the chosen level.
    public var summary: [Verdict: Int] {
        var counts: [Verdict: Int] = [.breaking: 0, .hazard: 0, .safe: 0]
        for finding in findings { counts[kind(of: finding), default: 0] += 1 }
        return counts
    }
}
