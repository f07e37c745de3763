import Foundation
import Testing

/// The built binary, end to end: exit codes, output, determinism. The test target depends on the
/// executable, so `swift test` builds the binary it runs (.build/debug); a missing one fails the tests.
struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/protocompat").path
    static let v1 = root.appendingPathComponent("schemas/examples/v1").path
    static let v2 = root.appendingPathComponent("schemas/examples/v2").path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary, in `directory` when given (default: the test's working directory).
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `PROTOCOMPAT_TRACE` prints each phase with its time to standard error and leaves the
    /// report alone; without it nothing is traced.
    @Test
    func phaseTraceGoesToStandardErrorOnly() throws {
        let plain = try run(["check", Self.v1, Self.v2])
        let traced = try run(["check", Self.v1, Self.v2], environment: ["PROTOCOMPAT_TRACE": "1"])
        #expect(traced.status == plain.status)
        #expect(traced.stdout == plain.stdout)
        #expect(!plain.stderr.contains("trace:"))
        let phases = traced.stderr.split(separator: "\n").filter { $0.hasPrefix("protocompat: trace: ") }
        // `protocompat: trace: 12.3 ms  4210 faults  what`: time, page faults so far, then the phase.
        let parts = phases.map { $0.components(separatedBy: "  ") }
        #expect(parts.allSatisfy { $0.count == 3 && $0[1].hasSuffix(" faults") && Int($0[1].dropLast(" faults".count)) != nil })
        let names = parts.map { $0.count == 3 ? $0[2] : "" }
        #expect(names.first == "arguments read")
        for expected in ["parsed window 0 (", "compiled ", "indexed ", "versions loaded", "pair built (", "rules run (", "checked", "report rendered"] {
            #expect(names.contains { $0.hasPrefix(expected) }, "no phase \(expected)")
        }
        let times = phases.compactMap { Double($0.dropFirst("protocompat: trace: ".count).split(separator: " ").first ?? "") }
        #expect(times.count == phases.count)
        // Marks from the two versions' threads may interleave; the main thread's come in order.
        let mainThread = phases.filter { $0.contains("versions loaded") || $0.contains("checked") || $0.contains("report rendered") }
        let mainTimes = mainThread.compactMap { Double($0.dropFirst("protocompat: trace: ".count).split(separator: " ").first ?? "") }
        #expect(mainTimes.count == 3 && mainTimes == mainTimes.sorted())
    }

    @Test
    func checkExitCodes() throws {
        let breaking = try run(["check", Self.v1, Self.v2])
        #expect(breaking.status == 1)
        // A rename is one change: the rename heads it, the JSON name that followed is named beside it.
        #expect(breaking.stdout.contains("chat/chat.proto:12:3: FIELD_SAME_NAME, FIELD_SAME_JSON_NAME: Field \"2\" on message \"User\" changed name"))
        #expect(breaking.stdout.contains("RPC_NO_DELETE"))
        #expect(breaking.stdout.hasSuffix("; the gate fails at level wire-json, direction both.\n"))
        let same = try run(["check", Self.v1, Self.v1])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("No changes from ") && same.stdout.hasSuffix("; the gate passes.\n"))
        // At the wire level only, a rename and a new field do not fail, but the deleted RPC does.
        let wire = try run(["check", "--level", "wire", Self.v1, Self.v2])
        #expect(wire.status == 1)
        let missing = try run(["check", Self.v1, "/nonexistent/dir"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error:"))
        let badFlag = try run(["check", "--level", "nope", Self.v1, Self.v2])
        #expect(badFlag.status == 2)
    }

    @Test
    func outputIsDeterministicAndBaselineWorks() throws {
        let first = try run(["check", "--format", "json", Self.v1, Self.v2])
        let second = try run(["check", "--format", "json", Self.v1, Self.v2])
        #expect(first.stdout == second.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(report["breaking"] as? Bool == true)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["fingerprint"] is String && $0["views"] is [String: String] && $0["direction"] is String })
        let baseline = NSTemporaryDirectory() + "protocompat-baseline-\(UUID().uuidString).json"
        try Data(first.stdout.utf8).write(to: URL(fileURLWithPath: baseline))
        #expect(try run(["check", "--baseline", baseline, Self.v1, Self.v2]).status == 0)
        #expect(try run(["dump", Self.v2]).stdout == (try run(["dump", Self.v2])).stdout)
    }

    @Test
    func outputFileIsAtomicAndErrorsLeaveNothing() throws {
        let dir = NSTemporaryDirectory() + "protocompat-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let target = dir + "/report.json"
        #expect(try run(["check", "--format", "json", "-o", target, Self.v1, Self.v2]).status == 1)
        #expect(FileManager.default.fileExists(atPath: target))
        let unwritable = try run(["check", "-o", "/nonexistent-dir/report.txt", Self.v1, Self.v2])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write the output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.json"])
    }

    @Test
    func transitiveChecksTheNewVersionAgainstEveryEarlierOne() throws {
        // v1 -> v2 breaks, v2 -> v2 does not: the gate fails on the first.
        let text = try run(["check", "--transitive", Self.v1, Self.v2, Self.v2])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("== v1 -> v2: breaking\n"))
        #expect(text.stdout.contains("\n== v2 -> v2: compatible\n"))
        let json = try run(["check", "--transitive", "--format", "json", Self.v1, Self.v2, Self.v2])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["transitive"] as? Bool == true && object["breaking"] as? Bool == true)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["breaking"] as? Bool } == [true, false])
        let markdown = try run(["check", "--transitive", "--format", "markdown", Self.v1, Self.v2, Self.v2])
        #expect(markdown.stdout.contains("| `v1` | **breaking** |"))
        #expect(try run(["check", "--transitive", Self.v2, Self.v2, Self.v2]).status == 0)
        let one = try run(["check", Self.v1])
        #expect(one.status == 2)
        #expect(one.stderr.contains("error: check takes two versions, OLD and NEW"))
    }

    @Test
    func everyCommandGivesTheSameBytesTwice() throws {
        let roles = Self.root.appendingPathComponent("schemas/examples/protocompat.yaml").path
        let site = Self.root.appendingPathComponent("Tests/CLITests/Fixtures/site-packages").path
        var commands: [[String]] = ReportFormatNames.all.map { ["check", "--format", $0, Self.v1, Self.v2] }
        commands += [
            ["check", "--transitive", "--format", "json", Self.v1, Self.v2, Self.v2],
            ["check", "--config", roles, "--format", "markdown", Self.v1, Self.v2],
            ["changelog", Self.v1, Self.v2], ["changelog", "--format", "yaml", Self.v1, Self.v2],
            ["matrix", Self.v1, Self.v2], ["matrix", "--format", "svg", Self.v1, Self.v2],
            ["matrix", "--by-channel", "--config", roles, "--format", "yaml", Self.v1, Self.v2],
            ["pair", "--config", roles, Self.v1, Self.v2], ["pair", "--config", roles, "--format", "json", Self.v2, Self.v1],
            ["env", "--site-packages", site, "--package", "chat-protocol", "--against", Self.v1, "--format", "yaml"],
            ["dump", Self.v2], ["dump", "--format", "yaml", Self.v1], ["snapshot", Self.v2],
            ["rules"], ["rules", "--format", "markdown"],
        ]
        for command in commands {
            let first = try run(command)
            let second = try run(command)
            #expect(first.status == second.status && first.status != 2, "\(command): \(first.stderr)")
            #expect(!first.stdout.isEmpty && first.stdout == second.stdout, "\(command) is not deterministic")
        }
    }

    /// `--semver`: LiveKit renamed a field in the patch release 1.0.6 -> 1.0.7 (a JSON break); a
    /// release with additions only needs a minor bump; a version without a number is an error (exit 2).
    @Test func semverGateFailsAReleaseWhoseNumberUnderstatesItsChanges() throws {
        let snapshot = { (version: String) in Self.root.appendingPathComponent("schemas/livekit/livekit-protocol-\(version).yaml").path }
        let renamed = try run(["check", "--semver", snapshot("1.0.6"), snapshot("1.0.7")])
        #expect(renamed.status == 1)
        #expect(renamed.stdout.contains("semver FAILS: 1.0.6 -> 1.0.7 needs a major bump (2.0.0)"))
        #expect(renamed.stdout.contains("FIELD_SAME_NAME") && renamed.stdout.contains("from \"del\" to \"remove\""))
        let bump = try run(["bump", snapshot("1.1.28"), snapshot("1.1.29")])
        #expect(bump.status == 0 && bump.stdout == "minor 1.2.0\n")
        let minor = try run(["check", "--semver", "--new-version", "1.2.0", snapshot("1.1.28"), snapshot("1.1.29")])
        #expect(minor.status == 0 && minor.stdout.contains("semver ok: 1.1.28 -> 1.2.0 needs a minor bump (1.2.0)"))
        let json = try run(["check", "--semver", "--format", "json", snapshot("1.0.6"), snapshot("1.0.7")])
        #expect(json.stdout.contains("\"required\": \"major\"") && json.stdout.contains("\"ok\": false"))
        // The gate's level and the config's semver policy decide what the same change needs.
        #expect(try run(["bump", snapshot("1.0.6"), snapshot("1.0.7")]).stdout == "major 2.0.0\n")
        #expect(try run(["bump", "--level", "wire", snapshot("1.0.6"), snapshot("1.0.7")]).stdout == "minor 1.1.0\n")
        let config = NSTemporaryDirectory() + "protocompat-semver-\(UUID().uuidString).yaml"
        try "semver:\n  json: patch\n  addition: patch\n".write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let lenient = try run(["check", "--semver", "--config", config, snapshot("1.0.6"), snapshot("1.0.7")])
        #expect(lenient.stdout.contains("semver ok: 1.0.6 -> 1.0.7 needs a patch bump (1.0.7)"), "\(lenient.stdout)")
        let unnamed = try run(["check", "--semver", Self.v1, Self.v2])
        #expect(unnamed.status == 2 && unnamed.stderr.contains("has no version number in its name: give --old-version X.Y.Z"))
    }
}

/// The formats of `check --format`.
enum ReportFormatNames {
    static let all = ["text", "json", "yaml", "markdown", "sarif", "github", "html"]

}
