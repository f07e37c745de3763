import Compat
import Foundation
import Testing

/// docs/rules.md is what `protocompat rules --format markdown` prints.
struct RuleDocsTests {
    @Test func rulesDocumentIsCurrent() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == RuleDocs.markdown(), "docs/rules.md is stale: run 'protocompat rules --format markdown > docs/rules.md'")
    }

    @Test func everyBufRuleIsThere() {
        let inCategories = RuleCatalog.all.filter { !$0.info.bufCategories.isEmpty }
        #expect(inCategories.count == 64, "\(inCategories.count) rules in buf's categories")
        #expect(RuleCatalog.rule("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT") != nil)
    }
}
