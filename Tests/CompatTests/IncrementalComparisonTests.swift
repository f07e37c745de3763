import Compat
import Foundation
import ProtoModel
import SchemaSources
import Testing

/// A comparison skips files and top-level elements whose digests agree in both versions. Skipping
/// must change nothing: over LiveKit's shipped releases (schemas/livekit), every consecutive pair,
/// its reverse and pairs far apart give the same findings, channels and routes either way.
struct IncrementalComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schemas/livekit").path

    static func releases() throws -> [Schema] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root)
            .filter { $0.hasPrefix("livekit-protocol-") && $0.hasSuffix(".yaml") }
        func version(_ name: String) -> PythonVersion? { PythonVersion(String(name.dropFirst(17).dropLast(5))) }
        let ordered = try names.sorted { a, b in try #require(version(a)) < #require(version(b)) }
        return try ordered.map { name in
            let bytes = try #require(FileManager.default.contents(atPath: root + "/" + name))
            return try Snapshot.read(Array(bytes), path: name).schema
        }
    }

    @Test func skippingUnchangedElementsChangesNoFinding() throws {
        let schemas = try Self.releases()
        #expect(schemas.count >= 40)
        let versions = schemas.map { SchemaPair.Version($0) }
        var pairs: [(Int, Int)] = []
        for i in 1..<versions.count { pairs += [(i - 1, i), (i, i - 1)] }
        pairs += [(0, versions.count - 1), (versions.count - 1, 0), (versions.count / 2, versions.count - 1), (3, versions.count / 3)]
        let config = try Presets.load("livekit")
        var compared = 0, skippedSome = 0
        for (number, (i, j)) in pairs.enumerated() {
            let fast = SchemaPair(old: versions[i], new: versions[j])
            let full = SchemaPair(old: versions[i], new: versions[j], comparingEverything: true)
            if fast.messagePairs.count < full.messagePairs.count { skippedSome += 1 }
            // protocompat's rules with LiveKit's channels everywhere; buf's FILE and WIRE rules on every third pair.
            let selections: [CheckOptions.RuleSelection] = number % 3 == 0 ? [.precise, .buf(.FILE), .buf(.WIRE)] : [.precise]
            for selection in selections {
                let options = CheckOptions(rules: selection, channels: config.channels)
                let a = Checker.check(fast, oldSide: .init(label: "a", source: "a"), newSide: .init(label: "b", source: "b"), options: options, config: config)
                let b = Checker.check(full, oldSide: .init(label: "a", source: "a"), newSide: .init(label: "b", source: "b"), options: options, config: config)
                if a.findings != b.findings {
                    let describe = { (f: Finding) in "\(f.rule) \(f.symbol) \(f.channels.map(\.route))" }
                    let onlySkipping = a.findings.filter { !b.findings.contains($0) }.prefix(5).map(describe)
                    let onlyFull = b.findings.filter { !a.findings.contains($0) }.prefix(5).map(describe)
                    Issue.record("pair \(i) -> \(j), \(selection): only when skipping: \(onlySkipping); only when comparing everything: \(onlyFull)")
                }
                compared += 1
            }
        }
        #expect(compared > pairs.count)
        // The test means something only if skipping happened.
        #expect(skippedSome > pairs.count / 2)
    }
}
