import Foundation
import Testing

/// The LiveKit changelog (schemas/livekit, 51 releases) leaves no change out and fits a reader: every
/// element a check finds changed between two consecutive releases is covered by an entry of that
/// release (its own or folded into the element that holds it), the Markdown names or counts it, and
/// reports/livekit/CHANGELOG.md stays at most a quarter of the 219,942 bytes it had with a line per finding.
struct ChangelogCoverageTests {
    static let snapshots = CLITests.root.appendingPathComponent("schemas/livekit").path

    func run(_ arguments: [String]) throws -> CLITests.Run { try CLITests().run(arguments) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everyChangedElementIsCoveredAndShown() throws {
        let changelog = try run(["changelog", "--versions", Self.snapshots, "--format", "json"])
        #expect(changelog.status == 0, "\(changelog.stderr)")
        let steps = try #require(try json(changelog.stdout)["steps"] as? [[String: Any]])
        let markdown = try run(["changelog", "--versions", Self.snapshots])
        // Newest first, as the steps: the text of each release's section.
        let parts: [String] = markdown.stdout.components(separatedBy: "\n## ")
        let releases = Array(parts[1...])
        #expect(steps.count == 50 && releases.count == 50)
        var covered = 0
        var found = 0
        for (step, release) in zip(steps, releases) {
            let from = try #require(step["from"] as? String)
            let to = try #require(step["to"] as? String)
            #expect(release.hasPrefix(to + "\n"))
            let check = try run([
                "check", "--format", "json", Self.snapshots + "/livekit-protocol-\(from).yaml",
                Self.snapshots + "/livekit-protocol-\(to).yaml",
            ])
            #expect(check.status == 0 || check.status == 1, Comment(rawValue: check.stderr))
            let findings = try #require(try json(check.stdout)["findings"] as? [[String: Any]])
            let changed = Set(findings.compactMap { $0["symbol"] as? String })
            var inStep = Set<String>()
            let sections = try #require(step["sections"] as? [String: [[String: Any]]])
            for entries in sections.values {
                for entry in entries {
                    let symbol = try #require(entry["symbol"] as? String)
                    let nested = (entry["nested"] as? [[String: Any]] ?? []).compactMap { $0["symbol"] as? String }
                    inStep.insert(symbol)
                    inStep.formUnion(nested)
                    // The Markdown names the element by its last name (a new file's elements are counted instead).
                    let name = String(symbol.split(separator: ".").last ?? "")
                    let inNewFile =
                        (entry["location"] as? String).map { location in
                            release.contains("- new file `\(location.split(separator: ":")[0])`")
                        } ?? false
                    #expect(
                        inNewFile || release.contains("`\(name)`") || release.contains(".\(name)`") || release.contains("`\(name) "),
                        "\(to): \(symbol) is not in the Markdown")
                }
            }
            #expect(
                inStep == changed, "\(to): left out \(changed.subtracting(inStep).sorted().prefix(5)); extra \(inStep.subtracting(changed).sorted().prefix(5))")
            covered += inStep.count
            found += changed.count
        }
        // Every element a finding names, counted: nothing dropped, nothing invented.
        #expect(covered == found && found > 1_300, "covered \(covered) of \(found)")
    }

    @Test func theShippedChangelogFitsAReader() throws {
        let path = CLITests.root.appendingPathComponent("reports/livekit/CHANGELOG.md").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size <= 219_942 / 4, "reports/livekit/CHANGELOG.md is \(size) bytes")
    }
}
