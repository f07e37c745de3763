import Compat
import Foundation
import ProtoModel
import SchemaSources
import Testing

/// A comparison skips files and top-level elements whose digests agree in both versions. Skipping
/// must change nothing: over LiveKit's shipped releases (schemas/livekit), every consecutive pair,
/// its reverse and pairs far apart give the same findings, channels and routes either way.
struct IncrementalComparisonTests {
    static let root = TestPaths.repository.appendingPathComponent("schemas/livekit").path

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

    static func counted(_ summaries: [FindingSummary]) -> [FindingSummary: Int] {
        summaries.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test func skippingUnchangedElementsChangesNoFinding() throws {
        let schemas = try Self.releases()
        #expect(schemas.count >= 40)
        let versions = schemas.map { SchemaPair.Version($0) }
        var pairs: [(Int, Int)] = []
        for i in 1..<versions.count { pairs += [(i - 1, i), (i, i - 1)] }
        pairs += [(0, versions.count - 1), (versions.count - 1, 0), (versions.count / 2, versions.count - 1), (3, versions.count / 3)]
        let config = try Presets.load("livekit")
        var compared = 0
        var skippedSome = 0
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
        // Part by part (the matrix's way), with what each element gave reused across pairs: the same
        // findings (rule, direction, verdicts), as many times each.
        let partial = try #require(PartialCheck(options: CheckOptions(channels: config.channels), config: config))
        // The matrix's way leaves out rules that only break code: the findings that are not safe on
        // the wire or in JSON must be exactly the same.
        let matrixWay = try #require(PartialCheck(options: CheckOptions(channels: config.channels), config: config, wireAndJSONOnly: true))
        let counts = { (s: FindingSummary) in s.verdicts.wire != .safe || s.verdicts.json != .safe }
        for (i, j) in pairs {
            let whole = Checker.check(
                SchemaPair(old: versions[i], new: versions[j]), oldSide: .init(label: "a", source: "a"),
                newSide: .init(label: "b", source: "b"), options: CheckOptions(channels: config.channels), config: config)
            let expected = Self.counted(whole.findings.map(FindingSummary.init))
            let parts = Self.counted(partial.summaries(old: versions[i], new: versions[j]))
            let counted = Self.counted(whole.findings.map(FindingSummary.init).filter(counts))
            #expect(Self.counted(matrixWay.summaries(old: versions[i], new: versions[j]).filter(counts)) == counted, "pair \(i) -> \(j), wire and JSON only")
            if parts != expected {
                let missing = expected.filter { parts[$0.key] != $0.value }.map { "\($0.key.rule) x\($0.value)" }.sorted().prefix(5)
                let extra = parts.filter { expected[$0.key] != $0.value }.map { "\($0.key.rule) x\($0.value)" }.sorted().prefix(5)
                Issue.record("pair \(i) -> \(j) part by part: whole check has \(Array(missing)), parts have \(Array(extra))")
            }
        }
        // The test means something only if skipping happened.
        #expect(skippedSome > pairs.count / 2)
    }
}
