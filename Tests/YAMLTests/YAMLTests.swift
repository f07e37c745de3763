import Testing

@testable import YAML

/// The libyaml face: emitting is stable and quotes what must be quoted; parsing refuses what it must.
struct YAMLTests {
    @Test func outputIsStable() throws {
        let sample: [String: [String: Int]] = ["nested": ["z": 1, "a": 2, "m": 3], "count": ["x": 1]]
        let first = try YAMLCoding.encode(sample)
        #expect(try YAMLCoding.encode(sample) == first)
        let a = try #require(first.range(of: "a: 2"))
        let m = try #require(first.range(of: "m: 3"))
        #expect(a.lowerBound < m.lowerBound)
    }

    @Test func errorsAreLocated() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse(Array("a: [1, 2\nb: 3".utf8)) }
        do {
            _ = try YAMLParser.parse(Array("a: 1\na: 2\n".utf8))
            Issue.record("duplicate keys accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("duplicate key"))
        }
    }

    @Test func aliasesAreRefused() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse(Array("a: &x [1]\nb: *x\n".utf8)) }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: YAMLError.self) { try YAMLParser.parse(Array(deep.utf8)) }
    }
}
