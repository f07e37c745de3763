import Foundation
import ProtoModel

/// What a matrix cell needs of a finding: its rule, direction and verdicts (not where it is).
public struct FindingSummary: Sendable, Hashable {
    public var rule: String
    public var direction: Direction
    public var verdicts: Verdicts

    public init(_ finding: Finding) {
        rule = finding.rule
        direction = finding.direction
        verdicts = finding.verdicts
    }
}

/// Checks many pairs of the same versions part by part (`SchemaPair.Part`), remembering what each
/// top-level element gave for each pair of its digests: across a release history the same element
/// changes the same way in hundreds of pairs (LiveKit's 211 tags make 22,155 pairs). The files part
/// (additions, deletions, moves, file options, extensions) is checked for every pair.
///
/// An element's findings are reused only when they depend on nothing outside its digest: a field or
/// method whose message type changed is compared structurally with other messages, so such an
/// element is checked again in every pair; so are elements of editions files (no digest).
public final class PartialCheck: @unchecked Sendable {
    struct Key: Hashable {
        var name: String
        var old: ModelDigest
        var new: ModelDigest
    }

    let options: CheckOptions
    let config: CheckConfig?
    let rules: [any CompatRule]
    private let lock = NSLock()
    private var remembered: [Key: [FindingSummary]] = [:]

    /// nil when the config drops or adds findings by path or symbol (ignores): those need whole pairs.
    public init?(options: CheckOptions, config: CheckConfig?) {
        if let config, !config.ignores.isEmpty || !config.ignorePaths.isEmpty || !config.ignoreOnly.isEmpty || config.ignoreUnstablePackages {
            return nil
        }
        var options = options
        options.attributesChannels = false
        self.options = options
        self.config = config
        rules = options.selectedRules.filter { config?.allows($0) ?? true }
    }

    /// The findings of checking `old` against `new`, summarised, in no particular order.
    public func summaries(old: SchemaPair.Version, new: SchemaPair.Version) -> [FindingSummary] {
        var result = check(SchemaPair(old: old, new: new, part: .files))
        let oldNames = old.digests.elements, newNames = new.digests.elements
        for name in new.digests.topLevel {
            let before = oldNames[name], after = newNames[name]
            if let before, let after {
                if before == after { continue }
                let key = Key(name: name, old: before, new: after)
                lock.lock()
                let known = remembered[key]
                lock.unlock()
                if let known {
                    result += known
                    continue
                }
                let pair = SchemaPair(old: old, new: new, part: .element(name))
                let found = check(pair)
                if !Self.comparesOtherTypes(pair) {
                    lock.lock()
                    remembered[key] = found
                    lock.unlock()
                }
                result += found
            } else if old.digests.topLevelNames.contains(name) {
                // In both versions but without a digest (an editions file): checked every time.
                result += check(SchemaPair(old: old, new: new, part: .element(name)))
            }
        }
        return result
    }

    /// The rules `Checker` runs, without what a cell does not need (channels, order, locations); with
    /// no ignores, the config only chooses rules.
    func check(_ pair: SchemaPair) -> [FindingSummary] {
        var findings: [Finding] = []
        for rule in rules { findings += rule.check(pair) }
        var seen = Set<String>()
        return findings.filter { seen.insert($0.fingerprint + ($0.location?.description ?? "")).inserted }.map(FindingSummary.init)
    }

    /// Whether the rules compared a changed message type with another message (their structure is
    /// not part of the element's digest).
    static func comparesOtherTypes(_ pair: SchemaPair) -> Bool {
        let messageTypes: Set<FieldType> = [.message, .group]
        for p in pair.allFieldPairs where p.old.typeName != p.new.typeName {
            if messageTypes.contains(p.old.type) || messageTypes.contains(p.new.type) { return true }
        }
        for (old, new, _, _) in pair.servicePairs {
            for method in new.methods {
                guard let before = old.methods.first(where: { $0.name == method.name }) else { continue }
                if before.inputType != method.inputType || before.outputType != method.outputType { return true }
            }
        }
        return false
    }
}
