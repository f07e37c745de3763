import ProtoFrontEnd
import ProtoModel
import Testing

/// Many files are read and parsed ahead on all cores, a window at a time (`ParsePrefetch`); the
/// compilation must come out as if each file were read when reached: the same files, errors in the
/// same order, imports of later files (across windows) honoured.
struct ParsePrefetchTests {
    static func tree(count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<count {
            var text = "syntax = \"proto3\";\npackage p;\n"
            // Every 50th file imports one in a later window; every 97th has a syntax error.
            if i % 50 == 0, i + 300 < count { text += "import \"f\(i + 300).proto\";\n" }
            text += i % 97 == 0 ? "message M\(i) {\n" : "message M\(i) { int32 x = 1; }\n"
            files["f\(i).proto"] = text
        }
        return files
    }

    @Test func manyFilesCompileAsReadInOrder() {
        let count = 700
        let files = Self.tree(count: count)
        let names = (0..<count).map { "f\($0).proto" }
        let compiler = ProtoCompiler(source: InMemorySource(texts: files))
        let all = compiler.compileKeepingGoing(names)
        // A broken file fails, and so does a file importing one.
        let broken = Set((0..<count).filter { $0 % 97 == 0 })
        let failing = broken.union((0..<count).filter { $0 % 50 == 0 && $0 + 300 < count && broken.contains($0 + 300) })
        #expect(Set(all.failed) == Set(failing.map { "f\($0).proto" }))
        #expect(Set(all.schema.files.map(\.name)).isDisjoint(with: all.failed))
        #expect(all.schema.files.count == count - failing.count)
        // Errors name exactly the failing files, first reached first.
        let errorFiles = all.diagnostics.compactMap(\.file)
        #expect(Set(errorFiles) == Set(failing.map { "f\($0).proto" }))
        var firstSeen: [String] = []
        for file in errorFiles where !firstSeen.contains(file) { firstSeen.append(file) }
        let reached = names.filter(firstSeen.contains)
        #expect(firstSeen.filter { broken.contains(Int($0.dropFirst().dropLast(6))!) } == reached.filter { broken.contains(Int($0.dropFirst().dropLast(6))!) })
        let again = compiler.compileKeepingGoing(names)
        #expect(again.diagnostics.map(\.description) == all.diagnostics.map(\.description))
        // One file at a time gives the same models.
        for index in [1, 299, 301, 650] {
            let alone = try? compiler.compile(["f\(index).proto"])
            #expect(alone?.files.first { $0.name == "f\(index).proto" } == all.schema.files.first { $0.name == "f\(index).proto" })
        }
    }
}
