import Foundation
import ProtoModel

/// The tallies of every pair of a history (`PartialCheck`), row by row: for one old version, the new
/// version walks forward through the history, and from one step to the next only the parts that
/// changed between the two new versions are looked at again (with the parts whose findings depend on
/// other types, `PartialCheck.PartFindings.dependsOnOtherParts`). A pair's tally is the sum of its
/// parts' tallies, kept as the walk goes; the across-files part is looked up per pair.
public struct MatrixWalk: Sendable {
    /// A part of a pair: a top-level element, or one file for the rules of one file.
    enum PartName: Hashable, Sendable {
        case element(String)
        case file(String)
    }

    let check: PartialCheck
    let versions: [SchemaPair.Version]
    /// For each version but the first, the parts that differ from the version before it.
    let changes: [[PartName]]

    public init(check: PartialCheck, versions: [SchemaPair.Version]) {
        self.check = check
        self.versions = versions
        changes = [[]] + (versions.indices.dropFirst()).map { Self.changedParts(versions[$0 - 1], versions[$0]) }
    }

    /// The parts whose findings against any old version may differ between `a` and `b`: elements
    /// and files whose digests differ, appear, disappear, or have no digest.
    static func changedParts(_ a: SchemaPair.Version, _ b: SchemaPair.Version) -> [PartName] {
        var result: [PartName] = []
        var seen = Set<String>()
        for name in a.digests.topLevel + b.digests.topLevel where seen.insert(name).inserted {
            let before = a.digests.elements[name], after = b.digests.elements[name]
            let present = (a.digests.topLevelNames.contains(name), b.digests.topLevelNames.contains(name))
            if before != after || present.0 != present.1 || (present.0 && before == nil) || (present.1 && after == nil) {
                result.append(.element(name))
            }
        }
        for name in Set(a.digests.files.keys).union(b.digests.files.keys).sorted() where a.digests.files[name] != b.digests.files[name] {
            result.append(.file(name))
        }
        return result
    }

    /// The tally of every pair (old `i`, new `j`) with i < j: `tallies[i][j - i - 1]`. Rows run on all cores.
    public func tallies() -> [[FindingTally]] {
        ParallelMap.run(Array(versions.indices)) { row($0) }
    }

    /// The tallies of old version `i` against every later version.
    func row(_ i: Int) -> [FindingTally] {
        let old = versions[i]
        var parts: [PartName: PartialCheck.PartFindings] = [:]
        var dependent = Set<PartName>()
        var total = FindingTally()
        var result: [FindingTally] = []
        result.reserveCapacity(versions.count - i - 1)
        for j in versions.indices.dropFirst(i + 1) {
            let new = versions[j]
            // The new version before this step was j - 1 (for j = i + 1: the old version itself,
            // against which every part gives nothing).
            let listed = Set(changes[j])
            let refresh = changes[j] + dependent.filter { !listed.contains($0) }
            for name in refresh {
                let now: PartialCheck.PartFindings
                switch name {
                case .element(let element): now = check.elementPart(element, old: old, new: new)
                case .file(let file): now = check.filePart(file, old: old, new: new)
                }
                if let before = parts[name] { total = total - before.tally }
                total += now.tally
                parts[name] = now.tally.isEmpty ? nil : now
                if now.dependsOnOtherParts { dependent.insert(name) } else { dependent.remove(name) }
            }
            result.append(total + check.acrossFilesPart(old: old, new: new).tally)
        }
        return result
    }
}
