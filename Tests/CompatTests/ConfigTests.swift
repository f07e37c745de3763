import Compat
import Foundation
import ProtoFrontEnd
import ProtoModel
import Testing

/// protocompat.yaml: ignores with reasons and expiry, unused and expired ignores reported, rules
/// narrowed; buf.yaml's breaking section; bad configs get clear errors.
struct ConfigTests {
    func schema(_ text: String) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: ["a.proto": text])).compile(["a.proto"])
    }

    func config(_ text: String, name: String = "protocompat.yaml") throws -> CheckConfig {
        let dir = NSTemporaryDirectory() + "protocompat-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        return try CheckConfig.load(path: dir + "/" + name)
    }

    func check(_ config: CheckConfig, today: String = "2026-06-01") throws -> CheckResult {
        let old = try schema("syntax = \"proto3\"; package p; message M { string a = 1; int32 b = 2; }")
        let new = try schema("syntax = \"proto3\"; package p; message M { string renamed = 1; int64 b = 2; }")
        return Checker.check(
            old: old, new: new, oldSide: .init(label: "1", source: "1"), newSide: .init(label: "2", source: "2"),
            options: CheckOptions(), config: config, today: today)
    }

    @Test func ignoresNeedAReasonAndCanExpire() throws {
        let c = try config(
            """
            version: 1
            ignore:
              - rule: FIELD_SAME_NAME
                symbol: p.M.*
                reason: accepted in review
                expires: 2026-12-31
              - rule: FIELD_SAME_TYPE
                symbol: p.Other.*
                reason: stale
            """)
        let result = try check(c)
        #expect(!result.findings.contains { $0.rule == "FIELD_SAME_NAME" })
        #expect(result.findings.contains { $0.rule == "CONFIG_IGNORE_UNUSED" && $0.symbol == "p.Other.*" })
        let expired = try check(c, today: "2027-01-01")
        #expect(expired.findings.contains { $0.rule == "FIELD_SAME_NAME" })
        #expect(expired.findings.contains { $0.rule == "CONFIG_IGNORE_EXPIRED" })
    }

    @Test func rulesCanBeNarrowed() throws {
        let c = try config("version: 1\nrules:\n  except:\n    - FIELD_SAME_TYPE\n")
        #expect(!(try check(c)).findings.contains { $0.rule == "FIELD_SAME_TYPE" })
    }

    @Test func badConfigsSayWhatToFix() {
        #expect(throws: CheckConfig.Failure.self) { try config("version: 1\nignore:\n  - rule: FIELD_SAME_NAME\n    symbol: x\n") }
        #expect(throws: CheckConfig.Failure.self) { try config("levle: wire\n") }
        #expect(throws: CheckConfig.Failure.self) { try config("version: 1\nignore:\n  - rule: NOT_A_RULE\n    symbol: x\n    reason: y\n") }
        #expect(throws: CheckConfig.Failure.self) {
            try config("version: 1\nignore:\n  - rule: FIELD_SAME_NAME\n    symbol: x\n    reason: y\n    expires: soon\n")
        }
        do {
            _ = try config("version: 2\n")
            Issue.record("accepted version 2")
        } catch {
            #expect("\(error)".contains("unsupported config version"))
        }
    }

    @Test func bufYAMLBreakingSectionIsRead() throws {
        let c = try config("version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n  ignore_only:\n    FIELD_SAME_NAME:\n      - a.proto\n", name: "buf.yaml")
        #expect(c.selection(default: .precise) == .buf(.WIRE_JSON))
        #expect(c.ignoreOnly["FIELD_SAME_NAME"] == ["a.proto"])
    }

    /// A misspelt rule in buf.yaml is an error, as it is for buf: otherwise `use` would select no
    /// rule and every change would pass the gate. With `plugins:`, names may be plugins' rules.
    @Test func bufYAMLRejectsUnknownRuleNames() throws {
        for (text, place) in [
            ("version: v2\nbreaking:\n  use:\n    - FIELD_SAME_NAMES\n", "buf.yaml:4:7:"),
            ("version: v2\nbreaking:\n  except: [WIRE_JSON, FILE_NO_DELET]\n", "buf.yaml:3:23:"),
            ("version: v2\nbreaking:\n  ignore_only:\n    FIELD_SAME_NAMEX:\n      - a.proto\n", "buf.yaml:4:5:"),
        ] {
            do {
                _ = try config(text, name: "buf.yaml")
                Issue.record("accepted \(text)")
            } catch {
                #expect("\(error)".contains("error: unknown rule or category"), "\(error)")
                #expect("\(error)".contains("/" + place), "\(error)")
            }
        }
        let withPlugins = try config(
            "version: v2\nbreaking:\n  use:\n    - ENUM_NO_DELETE\n    - SERVICE_SUFFIXES_NO_CHANGE\nplugins:\n  - plugin: buf-plugin-suffix\n",
            name: "buf.yaml")
        #expect(withPlugins.use == ["ENUM_NO_DELETE", "SERVICE_SUFFIXES_NO_CHANGE"])
    }
}
