import ProtoModel

/// Runs the selected rules over a pair of versions and sorts what they find.
public enum Checker {
    public static func check(old: Schema, new: Schema, oldSide: CheckResult.Side, newSide: CheckResult.Side,
                             options: CheckOptions, config: CheckConfig? = nil, today: String = "") -> CheckResult {
        check(SchemaPair(old: old, new: new), oldSide: oldSide, newSide: newSide, options: options, config: config, today: today)
    }

    /// Checks an already built pair. With `rulesOnAllCores`, the rules (independent of each other)
    /// run on all cores, their findings kept in rule order: for one pair alone, not for pairs that
    /// are already checked side by side (a changelog's steps), where the threads only contend.
    public static func check(_ pair: SchemaPair, oldSide: CheckResult.Side, newSide: CheckResult.Side,
                             options: CheckOptions, config: CheckConfig? = nil, today: String = "",
                             rulesOnAllCores: Bool = false) -> CheckResult {
        let old = pair.old.schema, new = pair.new.schema
        let rules = options.selectedRules.filter { config?.allows($0) ?? true }
        var findings = rulesOnAllCores ? ParallelMap.run(Array(rules.indices)) { rules[$0].check(pair) }.flatMap { $0 }
                                       : rules.flatMap { $0.check(pair) }
        var result = CheckResult(old: oldSide, new: newSide, options: options, findings: [])
        findings = Finding.unique(findings)
        if findings.isEmpty || !options.attributesChannels {
            result.channels = ChannelAnalysis.channels(pair, configured: options.channels)
        } else {
            let analysis = ChannelAnalysis(pair, channels: options.channels)
            result.channels = analysis.channels
            for (index, impacts) in analysis.impacts(of: findings).enumerated() { findings[index].channels = impacts }
        }
        if let config {
            result.findings = findings
            var packages: [String: String] = [:]
            for file in old.files + new.files { packages[file.name] = file.package }
            config.apply(to: &result, today: today, packages: packages)
            findings = result.findings
        }
        // Each finding's kind once (it looks at every channel), then sort by it.
        let keyed = findings.map { (kind: result.kind(of: $0), finding: $0) }
        result.findings = keyed.sorted { x, y in
            if x.kind != y.kind { return x.kind > y.kind }
            let a = x.finding, b = y.finding
            let la = a.location, lb = b.location
            return (a.file, la?.line ?? 0, la?.column ?? 0, a.rule, a.symbol) < (b.file, lb?.line ?? 0, lb?.column ?? 0, b.rule, b.symbol)
        }.map(\.finding)
        return result
    }

    /// The rendered message of a finding.
    public static func message(_ finding: Finding) -> String {
        RuleCatalog.rule(finding.rule)?.message(finding) ?? finding.arguments["message"] ?? finding.rule
    }
}
