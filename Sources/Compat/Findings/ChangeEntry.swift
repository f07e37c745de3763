/// One change of one element, as reports show it: every finding the rules reported for it (a deletion
/// and its two reservation twins, a rename and the JSON name that followed), headed by one of them.
/// Text, Markdown, GitHub and changelogs show entries; JSON, YAML and SARIF keep every finding.
public struct ChangeEntry: Sendable {
    /// The findings, the headline first (then in the order they came).
    public var findings: [Finding]

    /// The finding whose message heads the entry.
    public var headline: Finding { findings[0] }
    public var symbol: String { headline.symbol }
    /// The rule IDs, the headline's first, each once.
    public var rules: [String] {
        var seen = Set<String>()
        return findings.map(\.rule).filter { seen.insert($0).inserted }
    }

    /// Who the change hurts: one direction when all findings agree, `both` when they differ.
    public var direction: Direction {
        let directions = Set(findings.map(\.direction)).subtracting([.none])
        return directions.count == 1 ? directions.first! : directions.isEmpty ? .none : .both
    }

    /// The worst verdict of the findings in each view.
    public var verdicts: Verdicts {
        Verdicts(
            wire: findings.map(\.verdicts.wire).max()!, json: findings.map(\.verdicts.json).max()!,
            source: findings.map(\.verdicts.source).max()!)
    }

    /// The kind of element changed, as the headline's rule names it (nil for changes to elements that stay).
    public var subject: ElementKind? { RuleCatalog.rule(headline.rule)?.subject(headline) }

    /// The first message that shows the change, or else the first reason none can.
    public var witness: WitnessOutcome? {
        findings.lazy.compactMap(\.witness).first(where: \.isShown) ?? findings.lazy.compactMap(\.witness).first
    }

    /// Per channel the findings reach, the impact that is worst in `views` (in the order first met).
    public func channels(worstIn views: [View]) -> [ChannelImpact] {
        var order: [String] = []
        var worst: [String: ChannelImpact] = [:]
        for impact in findings.flatMap(\.channels) {
            guard let kept = worst[impact.channel] else {
                order.append(impact.channel)
                worst[impact.channel] = impact
                continue
            }
            if impact.verdicts.worst(of: views) > kept.verdicts.worst(of: views) { worst[impact.channel] = impact }
        }
        return order.map { worst[$0]! }
    }

    /// The findings grouped by element (symbol, number and file), in the order of each group's first finding.
    public static func group(_ findings: [Finding]) -> [ChangeEntry] {
        struct Key: Hashable {
            let symbol: String
            let number: Int32?
            let file: String
        }
        var order: [Key] = []
        var members: [Key: [(offset: Int, element: Finding)]] = [:]
        for (index, finding) in findings.enumerated() {
            let key = Key(symbol: finding.symbol, number: finding.number, file: finding.location?.file ?? finding.file)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append((index, finding))
        }
        // Each entry where its head came in the findings' order.
        return order.flatMap { entries(of: members[$0]!) }.sorted { $0.head < $1.head }.map(\.entry)
    }

    /// The entries of one element's findings (with their positions): each finding a rule gives on its
    /// own heads an entry (a rename and a type change of one field are two changes); a finding that
    /// restates another one there (`CompatRule.restates`) joins that finding's entry, or stands alone
    /// when it is not there.
    static func entries(of findings: [(offset: Int, element: Finding)]) -> [(entry: ChangeEntry, head: Int)] {
        let rules = findings.map { RuleCatalog.rule($0.element.rule) }
        var entries: [(entry: ChangeEntry, head: Int)] = []
        var entryOf: [Int: Int] = [:]
        func stand(_ index: Int) {
            entryOf[index] = entries.count
            entries.append((ChangeEntry(findings: [findings[index].element]), findings[index].offset))
        }
        for (index, rule) in rules.enumerated() where rule?.restates.isEmpty ?? true { stand(index) }
        for (index, rule) in rules.enumerated() where !(rule?.restates.isEmpty ?? true) {
            let restated = Set(rule!.restates.map { ObjectIdentifier($0) })
            let head = rules.indices.first { other in
                entryOf[other] != nil && rules[other].map { restated.contains(ObjectIdentifier(type(of: $0))) } == true
            }
            if let head { entries[entryOf[head]!].entry.findings.append(findings[index].element) } else { stand(index) }
        }
        return entries
    }
}
