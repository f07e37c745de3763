import Foundation
import Testing

/// `protocompat build SOURCE -o FILE.binpb`: a descriptor set that protocompat reads back as the same
/// version; bad input is exit 2 with the place, and no output file.
struct BuildCommandTests {
    let cli = CLITests()

    func temporaryFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "protocompat-build-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theSetReadsBackAsTheSameVersion() throws {
        let dir = try temporaryFolder()
        let set = dir + "/v2.binpb"
        let build = try cli.run(["build", CLITests.v2, "--include-imports", "-o", set])
        #expect(build.status == 0 && build.stdout.isEmpty, "\(build.stderr)")
        // No change between the tree and its own descriptor set; against v1, the same findings from
        // either (where they point differs: a set has no source info).
        let same = try cli.run(["check", CLITests.v2, set])
        #expect(same.status == 0, "\(same.stdout)")
        let fromTree = try cli.run(["check", CLITests.v1, CLITests.v2, "--format", "json"])
        let fromSet = try cli.run(["check", CLITests.v1, set, "--format", "json"])
        #expect(fromTree.status == 1 && fromSet.status == 1)
        let findings = { (json: String) throws -> [String] in
            let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (report?["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "") \($0["symbol"] ?? "")" }.sorted()
        }
        #expect(try findings(fromTree.stdout) == findings(fromSet.stdout))
        #expect(try !findings(fromSet.stdout).isEmpty)
    }

    @Test func badInputIsExitTwoWithThePlaceAndNoFile() throws {
        let dir = try temporaryFolder()
        try "syntax = \"proto3\";\nmessage M { int32 a = 0; }\n".write(toFile: dir + "/bad.proto", atomically: true, encoding: .utf8)
        let out = dir + "/out.binpb"
        let run = try cli.run(["build", dir, "-o", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.proto:2:23: error: field numbers must be positive integers"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let missing = try cli.run(["build", CLITests.v1])
        #expect(missing.status == 2 && missing.stderr.contains("--output"), "\(missing.stderr)")
    }
}
