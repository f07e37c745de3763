import Foundation
import ProtoModel
import Support

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
/// part gave for each pair of its digests: across a release history the same element changes the
/// same way in hundreds of pairs (LiveKit's 211 tags make 22,155 pairs). Three kinds of part:
/// each top-level element present in both versions, keyed by its digests; each file both have, for
/// the rules that look at one file at a time (deletions from a file, file options, syntax, package),
/// keyed by its outlines (`FileOutline`); and the rest of the files (additions, package-level
/// deletions, file deletions, extensions), keyed by the versions' outlines. Outlines leave out the
/// names of messages and enums when no chosen rule reads them (a matrix's rules do not).
///
/// A part's findings may depend on types outside it: a field or method whose message type changed
/// is compared structurally with other messages. The rules write down the types they look into
/// (`TypeReadLog`); a remembered result is reused only where every such type is held by the same
/// top-level element with the same digest. Elements of editions files have no digest and are
/// checked in every pair.
public final class PartialCheck: Sendable {
    struct Key: Hashable {
        var name: String
        var old: ModelDigest
        var new: ModelDigest
    }

    /// A part's findings in one pair, and what they depend on beyond the part's own digests: nil
    /// when they cannot be reused (the part must be checked again in every pair).
    struct PartFindings: Sendable {
        let summaries: [FindingSummary]
        let tally: FindingTally
        let dependencies: [TypeDependency]?

        static let nothing = PartFindings(summaries: [], tally: FindingTally(), dependencies: [])

        /// Whether the findings may change when a version changes elsewhere.
        var dependsOnOtherParts: Bool { dependencies.map { !$0.isEmpty } ?? true }
    }

    let rules: [any CompatRule]
    /// The rules that look at one file at a time, and the others.
    let fileRules: [any CompatRule]
    let acrossFiles: [any CompatRule]
    /// Whether the rules of files read the names of messages and enums (`FileOutline.typeNames`).
    let fileRulesReadTypeNames: Bool
    let acrossFilesReadTypeNames: Bool
    private let memo = Locked([Key: [PartFindings]]())

    /// nil when the config drops or adds findings by path or symbol (ignores): those need whole pairs.
    /// With `wireAndJSONOnly`, rules whose findings only ever break code are left out (a matrix counts
    /// wire and JSON verdicts only).
    public init?(options: CheckOptions, config: CheckConfig?, wireAndJSONOnly: Bool = false) {
        if let config, !config.ignores.isEmpty || !config.ignorePaths.isEmpty || !config.ignoreOnly.isEmpty || config.ignoreUnstablePackages {
            return nil
        }
        let rules = options.selectedRules.filter { (config?.allows($0) ?? true) && (!wireAndJSONOnly || $0.affectsWireOrJSON) }
        self.rules = rules
        fileRules = rules.filter { $0.scope == .eachChangedFile }
        acrossFiles = rules.filter { $0.scope != .eachChangedFile }
        fileRulesReadTypeNames = fileRules.contains(where: \.readsTypeNames)
        acrossFilesReadTypeNames = acrossFiles.contains(where: \.readsTypeNames)
    }

    /// The findings of checking `old` against `new`, summarised, in no particular order.
    public func summaries(old: SchemaPair.Version, new: SchemaPair.Version) -> [FindingSummary] {
        var result = acrossFilesPart(old: old, new: new).summaries
        for file in new.schema.files {
            result += filePart(file.name, old: old, new: new).summaries
        }
        for name in new.digests.topLevel {
            result += elementPart(name, old: old, new: new).summaries
        }
        return result
    }

    /// What the rules of one file find in file `name` (nothing unless both versions have it, changed).
    func filePart(_ name: String, old: SchemaPair.Version, new: SchemaPair.Version) -> PartFindings {
        filePart(
            name, before: old.digests.outlines[name], after: new.digests.outlines[name],
            changed: old.digests.files[name] != new.digests.files[name], old: old, new: new)
    }

    /// `filePart` with the file's outlines and whether its digest changed already looked up (a
    /// matrix looks them up once per version, not once per pair).
    func filePart(
        _ name: String, before: FileOutline?, after: FileOutline?, changed: Bool,
        old: SchemaPair.Version, new: SchemaPair.Version
    ) -> PartFindings {
        guard let before, let after, changed else { return .nothing }
        let make = { (reads: TypeReadLog?) in
            self.check(SchemaPair(old: old, new: new, part: .file(name), typeReads: reads), rules: self.fileRules)
        }
        guard let beforeFrame = before.frame, let afterFrame = after.frame else {
            let summaries = make(nil)
            return PartFindings(summaries: summaries, tally: FindingTally(summaries), dependencies: nil)
        }
        let key =
            fileRulesReadTypeNames
            ? Key(name: "\u{0}file " + name, old: ModelDigest(beforeFrame, before.typeNames), new: ModelDigest(afterFrame, after.typeNames))
            : Key(name: "\u{0}file " + name, old: beforeFrame, new: afterFrame)
        if key.old == key.new { return .nothing }
        return remembered(key, old: old, new: new, make)
    }

    /// What the rules find in the top-level element `name` (nothing unless both versions have it, changed).
    func elementPart(_ name: String, old: SchemaPair.Version, new: SchemaPair.Version) -> PartFindings {
        elementPart(
            name, before: old.digests.elements[name], after: new.digests.elements[name],
            inBoth: old.digests.topLevelNames.contains(name) && new.digests.topLevelNames.contains(name), old: old, new: new)
    }

    /// `elementPart` with the element's digests in both versions, and whether both have it, already
    /// looked up (a matrix looks them up once per version, not once per pair).
    func elementPart(
        _ name: String, before: ModelDigest?, after: ModelDigest?, inBoth: @autoclosure () -> Bool,
        old: SchemaPair.Version, new: SchemaPair.Version
    ) -> PartFindings {
        if let before, let after {
            if before == after { return .nothing }
            return remembered(Key(name: name, old: before, new: after), old: old, new: new) { reads in
                check(SchemaPair(old: old, new: new, part: .element(name), typeReads: reads))
            }
        }
        guard inBoth() else { return .nothing }
        // In both versions but without a digest (an editions file): checked every time.
        let summaries = check(SchemaPair(old: old, new: new, part: .element(name)))
        return PartFindings(summaries: summaries, tally: FindingTally(summaries), dependencies: nil)
    }

    /// What the rules that look across files find: remembered per pair of outlines (none for
    /// versions with editions files, checked every time).
    func acrossFilesPart(old: SchemaPair.Version, new: SchemaPair.Version) -> PartFindings {
        let make = { (reads: TypeReadLog?) in
            self.check(SchemaPair(old: old, new: new, part: .files, typeReads: reads), rules: self.acrossFiles)
        }
        let outline = { (version: SchemaPair.Version) in
            self.acrossFilesReadTypeNames ? version.digests.outlineWithTypeNames : version.digests.outline
        }
        guard let before = outline(old), let after = outline(new) else {
            let summaries = make(nil)
            return PartFindings(summaries: summaries, tally: FindingTally(summaries), dependencies: nil)
        }
        return remembered(Key(name: "\u{0}files", old: before, new: after), old: old, new: new, make)
    }

    /// What a part gave before in a pair where the types it looked into were the same, or what
    /// `make` gives now (remembered with those types).
    func remembered(
        _ key: Key, old: SchemaPair.Version, new: SchemaPair.Version,
        _ make: (TypeReadLog) -> [FindingSummary]
    ) -> PartFindings {
        let known = memo.withLock { $0[key] }
        if let known, let hit = known.first(where: { $0.dependencies?.allSatisfy { $0.holds(old: old, new: new) } ?? false }) {
            return hit
        }
        let reads = TypeReadLog()
        let summaries = make(reads)
        let found = PartFindings(summaries: summaries, tally: FindingTally(summaries), dependencies: reads.dependencies(old: old, new: new))
        if found.dependencies != nil {
            memo.withLock { $0[key, default: []].append(found) }
        }
        return found
    }

    /// The rules `Checker` runs, without what a cell does not need (channels, order, locations); with
    /// no ignores, the config only chooses rules.
    func check(_ pair: SchemaPair, rules: [any CompatRule]? = nil) -> [FindingSummary] {
        var findings: [Finding] = []
        for rule in rules ?? self.rules { findings += rule.findings(in: pair) }
        return Finding.unique(findings).map(FindingSummary.init)
    }
}
