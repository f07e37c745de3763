import Compat
import ProtoFrontEnd
import ProtoModel
import Testing

/// Verdicts the protobuf runtime confirmed (ci/runtime-oracle.py): each case is a change whose effect on
/// real bytes the oracle observed, pinned here in the engine's own terms.
struct VerdictTests {
    func schema(_ files: [String: String]) throws -> Schema {
        try ProtoCompiler(source: InMemorySource(texts: files)).compile(files.keys.sorted())
    }

    func check(_ old: [String: String], _ new: [String: String], direction: Direction? = nil, level: Level = .wireJSON) throws -> CheckResult {
        Checker.check(
            old: try schema(old), new: try schema(new), oldSide: .init(label: "old", source: "old"),
            newSide: .init(label: "new", source: "new"), options: CheckOptions(level: level, direction: direction))
    }

    func finding(_ result: CheckResult, _ rule: String, _ symbol: String) throws -> Finding {
        try #require(
            result.findings.first { $0.rule == rule && $0.symbol == symbol },
            "\(rule) \(symbol) not among \(result.findings.map { "\($0.rule) \($0.symbol)" })")
    }

    /// A renamed type is compared by encoding at any depth: sint64 and int64 are both varints, but zigzag
    /// makes them read each other's values wrongly (an ordinary -1 reads as 1).
    @Test(arguments: [1, 2, 3])
    func encodingsDecideRenamedTypesAtAnyDepth(depth: Int) throws {
        func chain(_ suffix: String, _ leaf: String) -> String {
            (0..<depth).map { level in
                level == depth - 1
                    ? "message T\(level)\(suffix) { \(leaf) delta = 1; string note = 2; }"
                    : "message T\(level)\(suffix) { T\(level + 1)\(suffix) next = 1; }"
            }.joined(separator: "\n")
        }
        let old = "syntax = \"proto3\"; package p;\n" + chain("", "sint64") + "\nmessage Root { T0 value = 1; }"
        let new = "syntax = \"proto3\"; package p;\n" + chain("", "sint64") + "\n" + chain("Copy", "int64") + "\nmessage Root { T0Copy value = 1; }"
        let result = try check(["a.proto": old], ["a.proto": new])
        let found = try finding(result, "FIELD_SAME_TYPE", "p.Root.value")
        #expect(found.verdicts.wire == .breaking, "\(Checker.message(found))")
        #expect(Checker.message(found).contains("sint64 to int64"))
    }

    /// The same renamed type with only a field added is an addition, not a break.
    @Test func aRenamedTypeThatOnlyGrewIsAnAddition() throws {
        let result = try check(
            ["a.proto": "syntax = \"proto3\"; package p; message A { int32 x = 1; } message Root { A a = 1; }"],
            ["a.proto": "syntax = \"proto3\"; package p; message A { int32 x = 1; } message B { int32 x = 1; string y = 2; } message Root { B a = 1; }"])
        let found = try finding(result, "FIELD_SAME_TYPE", "p.Root.a")
        #expect(found.verdicts.wire == .safe)
        #expect(found.verdicts.json == .hazard)
        #expect(found.direction == .forward)
    }

    /// A renamed type whose nested field names differ is a JSON break (ProtoJSON carries the names).
    @Test func aRenamedTypeWithOtherFieldNamesBreaksJSON() throws {
        let result = try check(
            ["a.proto": "syntax = \"proto3\"; package p; message A { int32 x = 1; } message Root { A a = 1; }"],
            ["a.proto": "syntax = \"proto3\"; package p; message A { int32 x = 1; } message B { int32 width = 1; } message Root { B a = 1; }"])
        let found = try finding(result, "FIELD_SAME_TYPE", "p.Root.a")
        #expect(found.verdicts.wire == .safe)
        #expect(found.verdicts.json == .breaking)
    }

    /// The guide's oneof cases, each with the direction that breaks.
    @Test func oneofMovesAsTheGuideJudgesThem() throws {
        let base = "syntax = \"proto3\"; package p; message M { "
        let several = try check(["a.proto": base + "int32 a = 1; int32 b = 2; }"], ["a.proto": base + "oneof o { int32 a = 1; int32 b = 2; } }"])
        #expect(try finding(several, "FIELD_SAME_ONEOF", "p.M.a").direction == .backward)
        let single = try check(["a.proto": base + "int32 a = 1; int32 b = 2; }"], ["a.proto": base + "oneof o { int32 a = 1; } int32 b = 2; }"])
        #expect(try finding(single, "FIELD_SAME_ONEOF", "p.M.a").verdicts.wire == .safe)
        let existing = try check(["a.proto": base + "int32 a = 1; oneof o { int32 b = 2; } }"], ["a.proto": base + "oneof o { int32 a = 1; int32 b = 2; } }"])
        #expect(try finding(existing, "FIELD_SAME_ONEOF", "p.M.a").verdicts.wire == .breaking)
        let out = try check(["a.proto": base + "oneof o { int32 a = 1; int32 b = 2; } }"], ["a.proto": base + "int32 a = 1; oneof o { int32 b = 2; } }"])
        let moved = try finding(out, "FIELD_SAME_ONEOF", "p.M.a")
        #expect(moved.verdicts.wire == .breaking)
        #expect(moved.direction == .forward)
    }

    /// A finding's kind follows --direction as the exit code does: a forward-only break is safe for a
    /// backward gate.
    @Test func kindFollowsTheDirectionAskedFor() throws {
        let old = ["a.proto": "syntax = \"proto3\"; package p; message M { oneof o { int32 a = 1; int32 b = 2; } }"]
        let new = ["a.proto": "syntax = \"proto3\"; package p; message M { int32 a = 1; oneof o { int32 b = 2; } }"]
        let backward = try check(old, new, direction: .backward)
        let moved = try finding(backward, "FIELD_SAME_ONEOF", "p.M.a")
        #expect(backward.kind(of: moved) == .safe)
        #expect(!backward.isBreaking)
        let forward = try check(old, new, direction: .forward)
        #expect(forward.kind(of: try finding(forward, "FIELD_SAME_ONEOF", "p.M.a")) == .breaking)
        #expect(forward.isBreaking)
    }

    /// A package change is judged by what the file defines, whether or not the file kept its name.
    @Test func packageChangesAreJudgedByWhatMoves() throws {
        let a = "syntax = \"proto3\"; package a; message M {} service S { rpc Get(M) returns (M); }"
        let b = a.replacingOccurrences(of: "package a;", with: "package b;")
        let kept = try check(["x.proto": a], ["x.proto": b], level: .wire)
        let renamed = try check(["x.proto": a], ["y.proto": b], level: .wire)
        #expect(kept.isBreaking)
        #expect(renamed.isBreaking)
        let typesOnly = "syntax = \"proto3\"; package a; message M {}"
        let movedTypes = try check(["x.proto": typesOnly], ["y.proto": typesOnly.replacingOccurrences(of: "package a;", with: "package b;")])
        #expect(try finding(movedTypes, "ELEMENT_SAME_PACKAGE", "a.M").verdicts.wire == .hazard)
    }

    /// Renumbered fields and shifted enum values are wire breaks, named by what old data now means.
    @Test func renumberingIsAWireBreak() throws {
        let result = try check(
            ["a.proto": "syntax = \"proto3\"; package p; enum S { S_UNSPECIFIED = 0; S_DONE = 1; } message M { string room = 1; string trunk = 2; }"],
            [
                "a.proto":
                    "syntax = \"proto3\"; package p; enum S { S_UNSPECIFIED = 0; S_RUNNING = 1; S_DONE = 2; } message M { string trunk = 1; string room = 2; }"
            ])
        let field = try finding(result, "FIELD_SAME_NUMBER", "p.M.room")
        #expect(field.verdicts.wire == .breaking)
        #expect(field.verdicts.json == .safe)
        #expect(Checker.message(field).contains("now reads as field \"trunk\""))
        let value = try finding(result, "ENUM_VALUE_SAME_NUMBER", "p.S.S_DONE")
        #expect(value.verdicts.wire == .breaking)
        #expect(Checker.message(value).contains("value 1 was S_DONE and now reads as S_RUNNING; S_DONE is 2"))
        #expect(result.isBreaking)
    }
}
