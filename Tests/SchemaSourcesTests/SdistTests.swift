import Foundation
import SchemaSources
import SwiftProtobuf
import Testing

/// Source distributions (.tar.gz): read in memory, same model as the wheel, clear errors, limits.
struct SdistTests {
    /// A ustar archive of these files (written by hand, so names like `../x` can be tested).
    static func tar(_ files: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (name, bytes) in files {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) { for (i, b) in text.utf8.enumerated() { header[offset + i] = b } }
            put(name, at: 0)
            put("0000644", at: 100)
            put(String(format: "%011o", bytes.count), at: 124)
            put("00000000000", at: 136)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257)
            put("        ", at: 148)
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(format: "%06o", sum) + "\0 ", at: 148)
            out += header + bytes + [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
        }
        return out + [UInt8](repeating: 0, count: 1024)
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    func error(_ path: String, limits: PythonPackageReader.Limits = .init()) -> String {
        do {
            let modules = try PythonPackageReader.modules(inSdist: path, limits: limits)
            _ = try PythonPackageReader.schema(from: modules, origin: path)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func sdistMatchesItsModules() throws {
        let dir = try SourceFixtures.temporaryDirectory()
        let module = try SourceFixtures.module(SourceFixtures.descriptor("a.proto", package: "a", messages: ["A", "B"]))
        let path = dir + "/pkg-2.0.1.tar.gz"
        try Data(try Self.gzip(Self.tar([("pkg-2.0.1/pkg/a_pb2.py", module), ("pkg-2.0.1/PKG-INFO", Array("x".utf8))]))).write(to: URL(fileURLWithPath: path))
        let loaded = try SchemaLoader().load([path])
        #expect(loaded.label == "2.0.1")
        #expect(loaded.schema.file(named: "a.proto")?.messages.map(\.name) == ["A", "B"])
    }

    @Test func badSdistsGetClearErrors() throws {
        let dir = try SourceFixtures.temporaryDirectory()
        let module = try SourceFixtures.module(SourceFixtures.descriptor("a.proto", package: "a", messages: ["A"]))
        let good = try Self.gzip(Self.tar([("p/a_pb2.py", module)]))
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: dir + "/cut.tar.gz"))
        #expect(error(dir + "/cut.tar.gz").contains("cut short"))
        try Data("not gzip at all".utf8).write(to: URL(fileURLWithPath: dir + "/text.tar.gz"))
        #expect(error(dir + "/text.tar.gz").contains("not valid gzip data"))
        try Data(try Self.gzip(Self.tar([("../a_pb2.py", module), ("/abs/a_pb2.py", module)]))).write(to: URL(fileURLWithPath: dir + "/climb.tar.gz"))
        #expect(error(dir + "/climb.tar.gz").contains("../a_pb2.py: error: the entry's path leaves the archive"))
        try Data(try Self.gzip([UInt8](repeating: 0, count: 4 << 20))).write(to: URL(fileURLWithPath: dir + "/bomb.tar.gz"))
        var small = PythonPackageReader.Limits()
        small.maxTotalSize = 1 << 20
        #expect(error(dir + "/bomb.tar.gz", limits: small).contains("inflates past"))
    }
}
