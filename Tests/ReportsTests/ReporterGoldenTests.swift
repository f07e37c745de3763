import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Reports
import Testing
import Workflows

/// Every reporter against golden files, on the check of schemas/examples/v1 -> v2.
/// PROTOCOMPAT_RECORD=1 rewrites the golden files and then fails, so a recording never passes silently.
struct ReporterGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func schema(_ version: String) throws -> Schema {
        let dir = root.appendingPathComponent("schemas/examples/\(version)").path
        return try ProtoCompiler(source: IncludeRootSource(roots: [dir])).compile(["chat/chat.proto"])
    }

    static func result(_ options: CheckOptions = CheckOptions()) throws -> CheckResult {
        Checker.check(
            old: try schema("v1"), new: try schema("v2"),
            oldSide: .init(label: "v1", source: "schemas/examples/v1"), newSide: .init(label: "v2", source: "schemas/examples/v2"),
            options: options)
    }

    static let cases: [(ReportFormat, String)] = [
        (.text, "check.txt"), (.json, "check.json"), (.yaml, "check.yaml"), (.markdown, "check.md"),
        (.sarif, "check.sarif"), (.github, "check.github.txt"), (.html, "check.html"),
    ]

    @Test(arguments: cases)
    func reporterMatchesGolden(format: ReportFormat, file: String) throws {
        let rendered = try format.reporter().render(try Self.result())
        #expect(try format.reporter().render(try Self.result()) == rendered, "\(format) is not deterministic")
        try compare(rendered, file)
    }

    /// `--explain`: every format shows the witnesses (and the reasons where none can exist).
    @Test(arguments: cases)
    func explainedReporterMatchesGolden(format: ReportFormat, file: String) throws {
        var options = CheckOptions(level: .source)
        options.explains = true
        let result = try Self.result(options)
        #expect(result.findings.contains { $0.witness?.isShown == true } && result.findings.contains { $0.witness?.isShown == false })
        try compare(try format.reporter().render(result), file.replacingOccurrences(of: "check.", with: "check.explain."))
    }

    @Test func explainedPairAndChangelogMatchGolden() throws {
        let config = try Self.roles()
        var options = CheckOptions(channels: config.channels)
        options.explains = true
        let pair = SchemaPair(old: try Self.schema("v1"), new: try Self.schema("v2"))
        let result = Checker.check(
            pair, oldSide: .init(label: "v1", source: "schemas/examples/v1"), newSide: .init(label: "v2", source: "schemas/examples/v2"),
            options: options)
        var analysis = PairAnalysis(result)
        analysis.explain(pair)
        try compare(try PairReport.render(analysis, format: .text), "pair.explain.txt")
        try compare(try PairReport.render(analysis, format: .json), "pair.explain.json")
        let step = Changelog.step(result, old: try Self.schema("v1"), new: try Self.schema("v2"))
        try compare(Changelog(steps: [step]).markdown(title: "Example changelog"), "changelog.explain.md")
    }

    @Test func bufModeMatchesGolden() throws {
        let rendered = try ReportFormat.json.reporter().render(try Self.result(CheckOptions(rules: .buf(.WIRE_JSON))))
        try compare(rendered, "check.buf-wire-json.json")
    }

    @Test func changelogMatchesGolden() throws {
        var result = try Self.result()
        // Labels with version numbers: the step carries its SemVer verdict (a patch that needed a major).
        result.old.label = "v1.4.0"
        result.new.label = "v1.4.1"
        let step = Changelog.step(result, old: try Self.schema("v1"), new: try Self.schema("v2"))
        let sections = step.sections.map(\.0)
        // The deleted field kept its number and name reserved: a hazard (strict JSON readers), not a plain removal.
        #expect(sections == [.breaking, .hazards, .added, .deprecated])
        #expect(step.semver?.required == .major && step.semver?.ok == false)
        // One change, one entry: the rename carries the JSON name that followed it.
        #expect(step.entries(.breaking).map(\.change.rules) == [["RPC_NO_DELETE"], ["FIELD_SAME_NAME", "FIELD_SAME_JSON_NAME"]])
        try compare(Changelog(steps: [step]).markdown(title: "Example changelog"), "changelog.md")
        try compare(try Changelog(steps: [step]).tree.yaml(), "changelog.yaml")
        try compare(Changelog(steps: [step]).tree.json() + "\n", "changelog.json")
        try compare(Changelog(steps: [step]).html(title: "Example changelog"), "changelog.html")
    }

    /// The example roles (schemas/examples/protocompat.yaml, built in as the "examples" preset).
    static func roles() throws -> CheckConfig { try Presets.load("examples") }

    @Test(arguments: PairReport.Format.allCases)
    func pairMatchesGolden(format: PairReport.Format) throws {
        let config = try Self.roles()
        let result = try Self.result(CheckOptions(channels: config.channels))
        let rendered = try PairReport.render(PairAnalysis(result), format: format)
        #expect(try PairReport.render(PairAnalysis(try Self.result(CheckOptions(channels: config.channels))), format: format) == rendered)
        let ext = [PairReport.Format.text: "txt", .markdown: "md", .json: "json", .yaml: "yaml"][format]!
        try compare(rendered, "pair.\(ext)")
    }

    @Test func checkWithRolesMatchesGolden() throws {
        let config = try Self.roles()
        let result = try Self.result(CheckOptions(channels: config.channels))
        try compare(try TextReporter().render(result), "check.roles.txt")
        try compare(try MarkdownReporter().render(result), "check.roles.md")
        // A changelog with roles says per release which channel each step breaks.
        let step = Changelog.step(result, old: try Self.schema("v1"), new: try Self.schema("v2"))
        #expect(step.channels.map(\.name) == ["chat-requests", "chat-responses", "message-archive"])
        try compare(Changelog(steps: [step]).markdown(title: "Example changelog"), "changelog.roles.md")
        let page = Changelog(steps: [step]).html(title: "Example changelog")
        #expect(page.contains("<select id=\"channel\">") && page.contains("data-channels=\"chat-requests\""))
        try compare(page, "changelog.roles.html")
    }

    @Test func channelMatrixMatchesGolden() throws {
        let matrix = ChannelMatrix.build(labels: ["v1", "v2"], schemas: [try Self.schema("v1"), try Self.schema("v2")], config: try Self.roles())
        // The archiver is not the server, so it runs the client side's version.
        #expect(matrix.channels.map(\.name) == ["chat-requests", "chat-responses", "message-archive"])
        // A v1 client calling a v2 server: the deleted Watch RPC breaks its requests.
        #expect(matrix.cells[0][0][1].verdict == .breaking)
        try compare(matrix.markdown(title: "Example channels"), "channels.md")
        try compare(matrix.svg(title: "Example"), "channels.svg")
        try compare(try matrix.tree.yaml(), "channels.yaml")
    }

    @Test func transitiveMatchesGolden() throws {
        let v1 = try Self.schema("v1")
        let v2 = try Self.schema("v2")
        let results = [(v1, "v1"), (v2, "v2")].map { schema, label in
            Checker.check(
                old: schema, new: v2, oldSide: .init(label: label, source: "schemas/examples/\(label)"),
                newSide: .init(label: "v2", source: "schemas/examples/v2"), options: CheckOptions())
        }
        try compare(try TransitiveReport.render(results, format: .text), "transitive.txt")
        try compare(try TransitiveReport.render(results, format: .markdown), "transitive.md")
        try compare(try TransitiveReport.render(results, format: .json), "transitive.json")
    }

    @Test(arguments: EnvReport.Format.allCases)
    func envMatchesGolden(format: EnvReport.Format) throws {
        // chat-client uses User and ListRequest (and what they reach); chat-bot pins the installed version.
        let channel = Channel(name: "chat-client", writer: "chat-client", reader: "chat-client", messages: ["chat.v1.ListRequest", "chat.v1.User"])
        let result = try Self.result(CheckOptions(level: .source, channels: [channel]))
        let used = result.findings.filter { !$0.channels.isEmpty && result.kind(of: $0) != .safe }
        let report = EnvReport(
            package: "chat-protocol", installedVersion: "2.0.0", sitePackages: "site-packages",
            dependents: [
                .init(name: "chat-bot", version: "0.3.0", requirement: "==2.0.0", status: .tight, usedTypes: [], comparisons: []),
                .init(
                    name: "chat-client", version: "1.4.0", requirement: "<2,>=1.0", status: .outside, usedTypes: ["chat.v1.ListRequest", "chat.v1.User"],
                    comparisons: [.init(against: "1.0.0 (the only shipped in range)", result: result, findings: used)]),
            ])
        let ext = [EnvReport.Format.text: "txt", .markdown: "md", .json: "json", .yaml: "yaml"][format]!
        try compare(try report.render(format), "env.\(ext)")
    }

    @Test func matrixMatchesGolden() throws {
        let matrix = CompatibilityMatrix.build(labels: ["v1", "v2"], schemas: [try Self.schema("v1"), try Self.schema("v2")])
        // v2 reading v1 data: the renamed field breaks JSON (both ways); a v2 server reading a v1
        // client's call of the removed RPC breaks on the wire.
        #expect(matrix.cells[1][0].json == .breaking)
        #expect(matrix.cells[1][0].wire == .breaking)
        #expect(matrix.cells[0][1].wire == .hazard)  // v1 readers truncate the widened int64
        try compare(matrix.markdown(title: "Example matrix"), "matrix.md")
        try compare(matrix.svg(title: "Example matrix"), "matrix.svg")
        try compare(try matrix.tree.yaml(), "matrix.yaml")
        let step = Changelog.step(try Self.result(), old: try Self.schema("v1"), new: try Self.schema("v2"))
        let page = matrix.html(title: "Example matrix", changelog: Changelog(steps: [step]))
        // Two versions: four cells, two of them the diagonal; the release the cells' changes come from.
        #expect(page.components(separatedBy: "<td").count - 1 == 4 && page.contains("<section class=\"step\" data-from=\"v1\" data-to=\"v2\">"))
        try compare(page, "matrix.html")
    }

    func compare(_ rendered: String, _ file: String) throws {
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["PROTOCOMPAT_RECORD"] != nil {
            try Data(rendered.utf8).write(to: url)
            Issue.record("recorded \(file): unset PROTOCOMPAT_RECORD and run again")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(file) differs from the golden file: review, then re-record with PROTOCOMPAT_RECORD=1")
    }
}
