import Foundation
import Testing

/// Nothing is lost: a run killed mid-way (SIGINT, SIGTERM, SIGKILL, at several moments) leaves the
/// output file either as it was before or complete, never half-written.
struct InterruptTests {
    /// Twelve releases: enough work that kills land before, during and after the write.
    static let versions = ["0.9.0", "0.9.1", "0.9.2", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5", "1.0.6", "1.0.7", "1.0.8"]
        .map { CLITests.root.appendingPathComponent("schemas/livekit/livekit-protocol-\($0).yaml").path }

    @Test
    func killedChangelogLeavesThePreviousFileOrTheWholeNewOne() throws {
        let dir = NSTemporaryDirectory() + "protocompat-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = dir + "/CHANGELOG.md"
        let previous = "# the previous changelog\n"
        // The complete new content, for comparison.
        let complete = try CLITests().run(["changelog"] + Self.versions)
        #expect(complete.status == 0)
        var outcomes: [String: Int] = [:]
        for (index, delay) in [0.05, 0.2, 0.5, 1.0, 1.5, 2.5].enumerated() {
            for signal in [SIGINT, SIGTERM, SIGKILL] {
                try Data(previous.utf8).write(to: URL(fileURLWithPath: output))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CLITests.binary)
                process.arguments = ["changelog"] + Self.versions + ["-o", output]
                process.standardError = Pipe()
                try process.run()
                Thread.sleep(forTimeInterval: delay + Double(index) * 0.01)
                kill(process.processIdentifier, signal)
                process.waitUntilExit()
                let after = try String(contentsOfFile: output, encoding: .utf8)
                #expect(after == previous || after == complete.stdout, "signal \(signal) after \(delay) s left a partial file")
                outcomes[after == previous ? "previous" : "complete", default: 0] += 1
                // SIGINT and SIGTERM remove the temporary file; only SIGKILL can leave one behind.
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
                if signal != SIGKILL { #expect(leftovers.isEmpty, "signal \(signal) left \(leftovers)") }
                for name in leftovers { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
            }
        }
        // Both outcomes happen, so the test sees kills before and after the rename.
        #expect(outcomes["previous", default: 0] > 0)
    }

    /// Two runs writing the same file at the same time never interleave: afterwards the file is one
    /// run's whole output or the other's.
    @Test
    func concurrentWritersNeverInterleave() throws {
        let dir = NSTemporaryDirectory() + "protocompat-race-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = dir + "/report.md"
        let first = ["changelog"] + Self.versions.prefix(8), second = ["changelog", "--format", "yaml"] + Self.versions.suffix(6)
        let expected = [try CLITests().run(first).stdout, try CLITests().run(second).stdout]
        #expect(expected[0] != expected[1])
        var winners = Set<Int>()
        for round in 0..<4 {
            let processes = [first, second].map { arguments -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CLITests.binary)
                process.arguments = arguments + ["-o", output]
                process.standardError = Pipe()
                return process
            }
            // Alternate who starts first.
            for process in round % 2 == 0 ? processes : processes.reversed() { try process.run() }
            for process in processes { process.waitUntilExit(); #expect(process.terminationStatus == 0) }
            let after = try String(contentsOfFile: output, encoding: .utf8)
            let winner = expected.firstIndex(of: after)
            #expect(winner != nil, "round \(round): the file is neither run's whole output (\(after.utf8.count) bytes)")
            if let winner { winners.insert(winner) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.md"], "round \(round) left a temporary file")
        }
        #expect(!winners.isEmpty)
    }
}
