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

    /// Checks an example three ways: with unchanged elements skipped (how a check runs), comparing
    /// everything, and part by part with parts reused (how a matrix runs). All three must agree.
    @Test(arguments: cases)
    func example(rule id: String, index: Int) throws {
        let rule = try #require(RuleCatalog.rule(id))
        let example = rule.info.examples[index]
        let old = SchemaPair.Version(try schema(example.before))
        let new = SchemaPair.Version(try schema(example.after))
        let findings = rule.findings(in: SchemaPair(old: old, new: new))
        #expect(findings.count == example.findings, "\(id) example \(index): \(findings.map { rule.message($0) })")
        if let verdicts = example.verdicts {
            #expect(findings.first?.verdicts == verdicts, "\(id) example \(index)")
        }
        // Every message is rendered from arguments the finding has (a missing one renders as ""; the
        // empty package is written `package ""`, as buf writes it).
        for finding in findings {
            let message = rule.message(finding)
            let withoutEmptyPackage = message.replacingOccurrences(of: "package \"\"", with: "package")
            #expect(!message.isEmpty && !withoutEmptyPackage.contains("\"\""), "\(id) example \(index): \(message)")
        }
        // A rule that says it only breaks code (matrices leave it out) finds nothing else.
        if !rule.affectsWireOrJSON {
            for finding in findings {
                #expect(finding.verdicts.wire == .safe && finding.verdicts.json == .safe, "\(id) is left out of matrices but breaks the wire or JSON")
            }
        }
        // Where the findings point: the marks of `after` are their locations, those of `before` their
        // previous locations (a place in a file the side does not have is not marked). Every place a
        // finding points to is marked, and no other.
        func pointed(_ spans: [SourceSpan?], in text: String) -> Set<RuleExample.Place> {
            let names = Set(RuleExample.files(text).keys)
            return Set(spans.compactMap { $0 }.filter { names.contains($0.file) }.map { RuleExample.Place(file: $0.file, line: $0.line, column: $0.column) })
        }
        #expect(pointed(findings.map(\.location), in: example.after) == RuleExample.places(example.after), "\(id) example \(index): locations")
        #expect(
            pointed(findings.map(\.previousLocation), in: example.before) == RuleExample.places(example.before), "\(id) example \(index): previous locations")
        // Skipping nothing finds the same; so does the matrix's part-by-part check.
        #expect(rule.findings(in: SchemaPair(old: old, new: new, comparingEverything: true)) == findings, "\(id) example \(index): comparing everything")
        let selection: CheckOptions.RuleSelection =
            rule.runsInPreciseMode
            ? .precise : .buf(try #require(BufCategory.allCases.first { rule.info.bufCategories.contains($0) }))
        let partial = try #require(PartialCheck(options: CheckOptions(rules: selection), config: nil))
        let parts = partial.summaries(old: old, new: new).filter { $0.rule == id }
        #expect(Self.counted(parts) == Self.counted(Finding.unique(findings).map(FindingSummary.init)), "\(id) example \(index): part by part")
    }

    static func counted(_ summaries: [FindingSummary]) -> [FindingSummary: Int] {
        summaries.reduce(into: [:]) { $0[$1, default: 0] += 1 }
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
            #expect(rule.info.examples.contains { $0.findings == 0 }, "\(rule.info.id) has no example that does not trigger it")
        }
    }
}
