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
/// changes the same way in hundreds of pairs (LiveKit's 211 tags make 22,155 pairs). Rules that look
/// at one file at a time (deletions from a file, file options, syntax, package) are remembered the same
/// way per pair of file digests; the rest of the files part (additions, package-level deletions, file
/// deletions, extensions) is checked for every pair.
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

    let rules: [any CompatRule]
    /// The rules that look at one file at a time, and the others.
    let fileRules: [any CompatRule]
    let acrossFiles: [any CompatRule]
    private let lock = NSLock()
    private var memo: [Key: [FindingSummary]] = [:]

    /// nil when the config drops or adds findings by path or symbol (ignores): those need whole pairs.
    /// With `wireAndJSONOnly`, rules whose findings only ever break code are left out (a matrix counts
    /// wire and JSON verdicts only).
    public init?(options: CheckOptions, config: CheckConfig?, wireAndJSONOnly: Bool = false) {
        if let config, !config.ignores.isEmpty || !config.ignorePaths.isEmpty || !config.ignoreOnly.isEmpty || config.ignoreUnstablePackages {
            return nil
        }
        let rules = options.selectedRules.filter { (config?.allows($0) ?? true) && (!wireAndJSONOnly || $0.affectsWireOrJSON) }
        self.rules = rules
        fileRules = rules.filter(Self.looksAtOneFile)
        acrossFiles = rules.filter { !Self.looksAtOneFile($0) }
    }

    /// Rules whose findings in a file depend on that file alone (its two versions' digests).
    static func looksAtOneFile(_ rule: any CompatRule) -> Bool {
        rule is FileSameOption || rule is FileSameSyntax || rule is FileSamePackage || rule is ElementNoDelete
    }

    /// The findings of checking `old` against `new`, summarised, in no particular order.
    public func summaries(old: SchemaPair.Version, new: SchemaPair.Version) -> [FindingSummary] {
        var result = check(SchemaPair(old: old, new: new, part: .files), rules: acrossFiles)
        for file in new.schema.files {
            guard let before = old.digests.files[file.name], let after = new.digests.files[file.name], before != after else { continue }
            result += remembered(Key(name: "\u{0}file " + file.name, old: before, new: after)) {
                (check(SchemaPair(old: old, new: new, part: .file(file.name)), rules: fileRules), true)
            }
        }
        let oldNames = old.digests.elements, newNames = new.digests.elements
        for name in new.digests.topLevel {
            let before = oldNames[name], after = newNames[name]
            if let before, let after {
                if before == after { continue }
                result += remembered(Key(name: name, old: before, new: after)) {
                    let pair = SchemaPair(old: old, new: new, part: .element(name))
                    return (check(pair), !Self.comparesOtherTypes(pair))
                }
            } else if old.digests.topLevelNames.contains(name) {
                // In both versions but without a digest (an editions file): checked every time.
                result += check(SchemaPair(old: old, new: new, part: .element(name)))
            }
        }
        return result
    }

    /// What a part gave before, or what `make` gives now (kept when it says it may be).
    func remembered(_ key: Key, _ make: () -> ([FindingSummary], keep: Bool)) -> [FindingSummary] {
        lock.lock()
        let known = memo[key]
        lock.unlock()
        if let known { return known }
        let (found, keep) = make()
        if keep {
            lock.lock()
            memo[key] = found
            lock.unlock()
        }
        return found
    }

    /// The rules `Checker` runs, without what a cell does not need (channels, order, locations); with
    /// no ignores, the config only chooses rules.
    func check(_ pair: SchemaPair, rules: [any CompatRule]? = nil) -> [FindingSummary] {
        var findings: [Finding] = []
        for rule in rules ?? self.rules { findings += rule.check(pair) }
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
