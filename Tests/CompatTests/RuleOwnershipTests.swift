import Compat
import Foundation
import Testing

/// A rule's behaviour lives in its rule: no other source file names a rule ID (a switch on IDs
/// elsewhere is how a rule's findings get lost when it changes).
struct RuleOwnershipTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func noRuleIDOutsideTheRules() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Compat/Rules/") }
        #expect(files.count > 50, "the sources were not found at \(Self.sources.path)")
        let ids = RuleCatalog.all.map(\.info.id)
        var named: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for id in ids where text.contains("\"" + id + "\"") { named.append("\(file.lastPathComponent): \(id)") }
            for pattern in ["hasSuffix(\"_ADDED\")", "contains(\"NO_DELETE\")"] where text.contains(pattern) {
                named.append("\(file.lastPathComponent): \(pattern)")
            }
        }
        #expect(named.isEmpty, "rule identities tested outside Sources/Compat/Rules: \(named)")
    }

    /// Grep for a rule ID finds exactly one file: the rule's own (other rules name it by its type).
    @Test func eachRuleIDIsWrittenInOneFile() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let texts = try files.map { ($0.path.replacingOccurrences(of: Self.sources.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8)) }
        let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber || c == "_" }
        for id in RuleCatalog.all.map(\.info.id) {
            let holders = texts.filter { _, text in
                var rest = text[...]
                while let range = rest.range(of: id) {
                    let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                    let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                    if !isWordCharacter(before) && !isWordCharacter(after) { return true }
                    rest = text[range.upperBound...]
                }
                return false
            }.map(\.0)
            #expect(holders.count == 1 && holders.allSatisfy { $0.hasPrefix("Compat/Rules/") }, "\(id) is written in \(holders)")
        }
    }
}
