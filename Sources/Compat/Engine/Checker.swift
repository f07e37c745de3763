import ProtoModel
import Support

/// Runs the selected rules over a pair of versions and sorts what they find.
public enum Checker {
    public static func check(
        old: Schema, new: Schema, oldSide: CheckResult.Side, newSide: CheckResult.Side,
        options: CheckOptions, config: CheckConfig? = nil, today: String = ""
    ) -> CheckResult {
        check(SchemaPair(old: old, new: new), oldSide: oldSide, newSide: newSide, options: options, config: config, today: today)
    }

    /// Checks an already built pair. With `rulesOnAllCores`, the rules (independent of each other)
    /// run on all cores, their findings kept in rule order: for one pair alone, not for pairs that
    /// are already checked side by side (a changelog's steps), where the threads only contend.
    public static func check(
        _ pair: SchemaPair, oldSide: CheckResult.Side, newSide: CheckResult.Side,
        options: CheckOptions, config: CheckConfig? = nil, today: String = "",
        rulesOnAllCores: Bool = false
    ) -> CheckResult {
        PhaseTrace.mark("pair built (\(pair.messagePairs.count) message pairs, \(pair.allFieldPairs.count) field pairs)")
        let old = pair.old.schema
        let new = pair.new.schema
        let rules = options.selectedRules.filter { config?.allows($0) ?? true }
        // On all cores, the channel analysis (what each channel reaches: independent of the findings)
        // is built alongside the rules, first, as the longest job; it is only used when there are findings.
        var findings: [Finding]
        var prebuilt: ChannelAnalysis?
        if rulesOnAllCores {
            let buildsAnalysis = options.attributesChannels
            let jobs = ParallelMap.run(Array((buildsAnalysis ? -1 : 0)..<rules.count)) { index -> RuleJob in
                index < 0 ? .analysis(ChannelAnalysis(pair, channels: options.channels)) : .findings(rules[index].findings(in: pair))
            }
            findings = []
            for job in jobs {
                switch job {
                case .analysis(let analysis): prebuilt = analysis
                case .findings(let found): findings += found
                }
            }
        } else {
            findings = rules.flatMap { $0.findings(in: pair) }
        }
        PhaseTrace.mark("rules run (\(rules.count) rules, \(findings.count) findings)")
        var result = CheckResult(old: oldSide, new: newSide, options: options, findings: [])
        findings = Finding.unique(findings)
        if findings.isEmpty || !options.attributesChannels {
            result.channels = ChannelAnalysis.channels(pair, configured: options.channels)
        } else {
            let analysis = prebuilt ?? ChannelAnalysis(pair, channels: options.channels)
            result.channels = analysis.channels
            for (index, impacts) in analysis.impacts(of: findings, onAllCores: rulesOnAllCores).enumerated() { findings[index].channels = impacts }
        }
        PhaseTrace.mark("channels attributed")
        if options.explains {
            let search = WitnessSearch(pair: pair)
            for index in findings.indices { findings[index].witness = search.outcome(for: findings[index]) }
            PhaseTrace.mark("witnesses found")
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
            let a = x.finding
            let b = y.finding
            let la = a.location
            let lb = b.location
            return (a.file, la?.line ?? 0, la?.column ?? 0, a.rule, a.symbol) < (b.file, lb?.line ?? 0, lb?.column ?? 0, b.rule, b.symbol)
        }.map(\.finding)
        return result
    }

    /// One job of a check on all cores: a rule's findings, or the channel analysis.
    enum RuleJob: Sendable {
        case findings([Finding])
        case analysis(ChannelAnalysis)
    }

    /// The rendered message of a finding.
    public static func message(_ finding: Finding) -> String {
        RuleCatalog.rule(finding.rule)?.message(finding) ?? finding.arguments[.message] ?? finding.rule
    }
}
