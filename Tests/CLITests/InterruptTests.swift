import Foundation
import Testing

/// Nothing is lost: a run killed mid-way (SIGINT, SIGTERM, SIGKILL, at several moments) leaves the
/// output file either as it was before or complete, never half-written.
struct InterruptTests {
    /// Twelve releases: enough work that kills land before, during and after the write.
    static let versions = ["0.9.0", "0.9.1", "0.9.2", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5", "1.0.6", "1.0.7", "1.0.8"]
        .map { CLITests.root.appendingPathComponent("schemas/livekit/livekit-protocol-\($0).yaml").path }

    /// Kills a run at each moment of its write (before it, with the temporary file written, after
    /// the rename), by each signal: the run pauses at the moment (`PROTOCOMPAT_TEST_PAUSE_AT`) and
    /// says so, and the test kills it then, so every moment is reached on every machine.
    @Test
    func killedChangelogLeavesThePreviousFileOrTheWholeNewOne() throws {
        let dir = NSTemporaryDirectory() + "protocompat-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = dir + "/CHANGELOG.md"
        let previous = "# the previous changelog\n"
        // The complete new content, for comparison.
        let complete = try CLITests().run(["changelog"] + Self.versions)
        #expect(complete.status == 0)
        let moments: [(name: String, leaves: String)] = [("before-write", previous), ("temporary-written", previous), ("renamed", complete.stdout)]
        for moment in moments {
            for signal in [SIGINT, SIGTERM, SIGKILL] {
                try Data(previous.utf8).write(to: URL(fileURLWithPath: output))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CLITests.binary)
                process.arguments = ["changelog"] + Self.versions + ["-o", output]
                process.environment = ProcessInfo.processInfo.environment.merging(["PROTOCOMPAT_TEST_PAUSE_AT": moment.name]) { _, new in new }
                let errors = Pipe()
                let input = Pipe()
                process.standardError = errors
                process.standardInput = input
                try process.run()
                // Wait for the pause (or for the process to end without reaching it: a failure below).
                var said = Data()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !String(decoding: said, as: UTF8.self).contains("paused at \(moment.name)\n") {
                    let count = read(errors.fileHandleForReading.fileDescriptor, &buffer, buffer.count)
                    if count <= 0 { break }
                    said += buffer[..<count]
                }
                #expect(
                    String(decoding: said, as: UTF8.self).contains("paused at \(moment.name)"),
                    "the run never reached \(moment.name): \(String(decoding: said, as: UTF8.self))")
                let temporaries = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
                #expect(temporaries.isEmpty == (moment.name != "temporary-written"), "at \(moment.name) the temporary files are \(temporaries)")
                kill(process.processIdentifier, signal)
                process.waitUntilExit()
                #expect(
                    process.terminationReason == .uncaughtSignal || process.terminationStatus == 128 + signal,
                    "signal \(signal) at \(moment.name): the run ended by itself (status \(process.terminationStatus))")
                let after = try String(contentsOfFile: output, encoding: .utf8)
                #expect(
                    after == moment.leaves,
                    "signal \(signal) at \(moment.name) left \(after == previous ? "the previous file" : after == complete.stdout ? "the new file" : "a partial file")"
                )
                // SIGINT and SIGTERM remove the temporary file; only SIGKILL can leave one behind.
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
                if signal != SIGKILL { #expect(leftovers.isEmpty, "signal \(signal) at \(moment.name) left \(leftovers)") }
                for name in leftovers { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
            }
        }
    }

    /// Two runs writing the same file at the same time never interleave: afterwards the file is one
    /// run's whole output or the other's.
    @Test
    func concurrentWritersNeverInterleave() throws {
        let dir = NSTemporaryDirectory() + "protocompat-race-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = dir + "/report.md"
        let first = ["changelog"] + Self.versions.prefix(8)
        let second = ["changelog", "--format", "yaml"] + Self.versions.suffix(6)
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
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            let after = try String(contentsOfFile: output, encoding: .utf8)
            let winner = expected.firstIndex(of: after)
            #expect(winner != nil, "round \(round): the file is neither run's whole output (\(after.utf8.count) bytes)")
            if let winner { winners.insert(winner) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.md"], "round \(round) left a temporary file")
        }
        #expect(!winners.isEmpty)
    }
}
