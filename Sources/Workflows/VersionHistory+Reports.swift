import Compat
import ProtoModel
import Reports
import SchemaSources
import Support

extension VersionHistory {
    /// The changelog: each version against the one before it, on all cores. Channels are walked only
    /// when the config gives roles (each release then says which channel it breaks); `explain` adds
    /// a witness under each change that breaks or is a hazard.
    public func changelog(config: CheckConfig?, explain: Bool, today: String = CheckDate.today()) -> Changelog {
        var options = CheckOptions(channels: config?.channels)
        options.attributesChannels = config?.channels != nil
        options.explains = explain
        let steps = ParallelMap.run(Array(loaded.indices.dropFirst())) { [options, loaded, versions] index in
            let old = loaded[index - 1]
            let new = loaded[index]
            let result = Checker.check(
                SchemaPair(old: versions[index - 1], new: versions[index]),
                oldSide: .init(label: old.label, source: old.source),
                newSide: .init(label: new.label, source: new.source), options: options,
                config: config, today: today)
            return Changelog.step(result, old: old.schema, new: new.schema, policy: config?.semver ?? SemverPolicy())
        }
        return Changelog(steps: steps)
    }

    /// The reader x writer matrix of the versions.
    public func matrix(config: CheckConfig?) -> CompatibilityMatrix {
        CompatibilityMatrix.build(labels: labels, versions: versions, config: config)
    }

    /// The per-channel client x server matrices of the versions.
    public func channelMatrix(config: CheckConfig?) -> ChannelMatrix {
        ChannelMatrix.build(labels: labels, versions: versions, config: config)
    }

    /// The last version checked against each earlier one (a transitive gate; for two versions, the one
    /// check), in order; the rules of each check run on all cores.
    public func checksAgainstLast(options: CheckOptions, config: CheckConfig?, today: String = CheckDate.today()) -> [CheckResult] {
        guard let after = loaded.last else { return [] }
        return loaded.indices.dropLast().map { index in
            let before = loaded[index]
            return Checker.check(
                SchemaPair(old: versions[index], new: versions[versions.count - 1]),
                oldSide: .init(label: before.label, source: before.source),
                newSide: .init(label: after.label, source: after.source), options: options, config: config,
                today: today, rulesOnAllCores: true)
        }
    }
}
