import Compat
import ProtoFrontEnd
import ProtoModel
import Testing

/// Every example of every rule: the count of findings it must produce, and their verdicts.
struct RuleExampleTests {
    static let cases: [(String, Int)] = RuleCatalog.all.flatMap { rule in
        rule.info.examples.indices.map { (rule.info.id, $0) }
    }

    func schema(_ text: String) throws -> Schema {
        let files = RuleExample.files(text)
        if files.isEmpty { return Schema(files: []) }
        return try ProtoCompiler(source: InMemorySource(texts: files)).compile(files.keys.sorted())
    }

    @Test(arguments: cases)
    func example(rule id: String, index: Int) throws {
        let rule = try #require(RuleCatalog.rule(id))
        let example = rule.info.examples[index]
        let pair = SchemaPair(old: try schema(example.before), new: try schema(example.after))
        let findings = rule.check(pair)
        #expect(findings.count == example.findings, "\(id) example \(index): \(findings.map { rule.message($0) })")
        if let verdicts = example.verdicts {
            #expect(findings.first?.verdicts == verdicts, "\(id) example \(index)")
        }
        for finding in findings { #expect(!rule.message(finding).isEmpty) }
        // A rule that says it only breaks code (matrices leave it out) finds nothing else.
        if !rule.affectsWireOrJSON {
            for finding in findings {
                #expect(finding.verdicts.wire == .safe && finding.verdicts.json == .safe, "\(id) is left out of matrices but breaks the wire or JSON")
            }
        }
    }

    @Test func someRulesOnlyBreakCode() {
        // File options, syntax, file and package deletions, message and enum additions and deletions.
        #expect(RuleCatalog.all.filter { !$0.affectsWireOrJSON }.count >= 20)
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = RuleCatalog.all.map(\.info.id)
        #expect(Set(ids).count == ids.count)
        for rule in RuleCatalog.all {
            #expect(!rule.info.examples.isEmpty, "\(rule.info.id) has no example")
            #expect(rule.info.examples.contains { $0.findings > 0 }, "\(rule.info.id) has no triggering example")
        }
    }
}
