import Foundation
import ProtoModel
import Support

/// The tallies of every pair of a history (`PartialCheck`), row by row: for one old version, the new
/// version walks forward through the history, and from one step to the next only the parts that
/// changed between the two new versions are looked at again (with the parts whose findings depend on
/// other types, `PartialCheck.PartFindings.dependsOnOtherParts`). A pair's tally is the sum of its
/// parts' tallies, kept as the walk goes; the across-files part is looked up per pair.
///
/// Parts are numbered once for the whole history, and each version's digests are laid out by part
/// number: the walk (hundreds of thousands of part lookups over LiveKit's 211 tags) indexes arrays
/// instead of hashing names.
public struct MatrixWalk: Sendable {
    /// A part of a pair: a top-level element (its number in `elementNames`), or one file for the
    /// rules of one file (its number in `fileNames`).
    enum PartName: Hashable, Sendable {
        case element(Int)
        case file(Int)
    }

    /// What one version holds of each part, by part number.
    struct VersionParts: Sendable {
        /// Each element's digest (nil when absent, or in an editions file).
        var elementDigests: [ModelDigest?]
        var elementPresent: [Bool]
        /// Each file's digest and outline (nil when absent).
        var fileDigests: [ModelDigest?]
        var outlines: [FileOutline?]
    }

    let check: PartialCheck
    let versions: [SchemaPair.Version]
    let elementNames: [String]
    let fileNames: [String]
    let parts: [VersionParts]
    /// For each version but the first, the parts that differ from the version before it.
    let changes: [[PartName]]

    public init(check: PartialCheck, versions: [SchemaPair.Version]) {
        self.check = check
        self.versions = versions
        var elementNumbers: [String: Int] = [:]
        var fileNumbers: [String: Int] = [:]
        var elementNames: [String] = []
        var fileNames: [String] = []
        for version in versions {
            for name in version.digests.topLevel where elementNumbers[name] == nil {
                elementNumbers[name] = elementNames.count
                elementNames.append(name)
            }
            for name in version.digests.files.keys.sorted() where fileNumbers[name] == nil {
                fileNumbers[name] = fileNames.count
                fileNames.append(name)
            }
        }
        self.elementNames = elementNames
        self.fileNames = fileNames
        parts = versions.map { version in
            var parts = VersionParts(
                elementDigests: Array(repeating: nil, count: elementNames.count),
                elementPresent: Array(repeating: false, count: elementNames.count),
                fileDigests: Array(repeating: nil, count: fileNames.count),
                outlines: Array(repeating: nil, count: fileNames.count))
            for name in version.digests.topLevel {
                let number = elementNumbers[name]!
                parts.elementPresent[number] = true
                parts.elementDigests[number] = version.digests.elements[name]
            }
            for (name, digest) in version.digests.files {
                let number = fileNumbers[name]!
                parts.fileDigests[number] = digest
                parts.outlines[number] = version.digests.outlines[name]
            }
            return parts
        }
        changes = [[]] + versions.indices.dropFirst().map { [parts] in Self.changedParts(parts[$0 - 1], parts[$0]) }
    }

    /// The parts whose findings against any old version may differ between `a` and `b`: elements
    /// and files whose digests differ, appear, disappear, or have no digest.
    static func changedParts(_ a: VersionParts, _ b: VersionParts) -> [PartName] {
        var result: [PartName] = []
        for number in a.elementDigests.indices {
            let present = (a.elementPresent[number], b.elementPresent[number])
            guard present.0 || present.1 else { continue }
            let before = a.elementDigests[number]
            let after = b.elementDigests[number]
            if before != after || present.0 != present.1 || (present.0 && before == nil) || (present.1 && after == nil) {
                result.append(.element(number))
            }
        }
        for number in a.fileDigests.indices where a.fileDigests[number] != b.fileDigests[number] {
            result.append(.file(number))
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
        let oldParts = parts[i]
        var elementFindings = [PartialCheck.PartFindings?](repeating: nil, count: elementNames.count)
        var fileFindings = [PartialCheck.PartFindings?](repeating: nil, count: fileNames.count)
        var dependent = Set<PartName>()
        var total = FindingTally()
        var result: [FindingTally] = []
        result.reserveCapacity(versions.count - i - 1)
        for j in versions.indices.dropFirst(i + 1) {
            let new = versions[j]
            let newParts = parts[j]
            // The new version before this step was j - 1 (for j = i + 1: the old version itself,
            // against which every part gives nothing).
            let listed = Set(changes[j])
            let refresh = changes[j] + dependent.filter { !listed.contains($0) }
            for name in refresh {
                let now: PartialCheck.PartFindings
                let before: PartialCheck.PartFindings?
                switch name {
                case .element(let number):
                    now = check.elementPart(
                        elementNames[number], before: oldParts.elementDigests[number],
                        after: newParts.elementDigests[number],
                        inBoth: oldParts.elementPresent[number] && newParts.elementPresent[number],
                        old: old, new: new)
                    before = elementFindings[number]
                    elementFindings[number] = now.tally.isEmpty ? nil : now
                case .file(let number):
                    now = check.filePart(
                        fileNames[number], before: oldParts.outlines[number], after: newParts.outlines[number],
                        changed: oldParts.fileDigests[number] != newParts.fileDigests[number],
                        old: old, new: new)
                    before = fileFindings[number]
                    fileFindings[number] = now.tally.isEmpty ? nil : now
                }
                if let before { total = total - before.tally }
                total += now.tally
                if now.dependsOnOtherParts { dependent.insert(name) } else { dependent.remove(name) }
            }
            result.append(total + check.acrossFilesPart(old: old, new: new).tally)
        }
        return result
    }
}
