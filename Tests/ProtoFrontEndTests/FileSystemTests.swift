import Foundation
import ProtoFrontEnd
import Testing

/// Files are read and folders listed with system calls (`FileSystem`): the same answers
/// `FileManager` gave, on a real tree with hidden folders, links and odd entries.
struct FileSystemTests {
    static func tree() throws -> String {
        let root = NSTemporaryDirectory() + "protocompat-fs-\(UUID().uuidString)"
        let manager = FileManager.default
        for folder in ["a/b", ".hidden", "elsewhere", "folder.proto"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["a/b/x.proto", ".hidden/h.proto", "elsewhere/o.proto", "top.proto", "notes.txt", "folder.proto/inner.proto"] {
            try Data("syntax = \"proto3\";\n".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try manager.createSymbolicLink(atPath: root + "/a/linked", withDestinationPath: root + "/elsewhere")
        try manager.createSymbolicLink(atPath: root + "/a/link.proto", withDestinationPath: root + "/elsewhere/o.proto")
        return root
    }

    @Test func listsFilesNotFoldersWithoutFollowingLinks() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let listed = try #require(FileSystem.files(under: root, limit: 100) { $0.hasSuffix(".proto") }).sorted()
        #expect(listed == [".hidden/h.proto", "a/b/x.proto", "a/link.proto", "elsewhere/o.proto", "folder.proto/inner.proto", "top.proto"])
        #expect(FileSystem.files(under: root + "/none", limit: 100) { _ in true } == nil)
        #expect(FileSystem.files(under: root, limit: 2) { $0.hasSuffix(".proto") }?.count == 3, "stops one past the limit")
    }

    @Test func readsFilesAndTellsWhatIsNot() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try FileSystem.contents(root + "/top.proto", limit: 1000) == Array("syntax = \"proto3\";\n".utf8))
        #expect(try FileSystem.contents(root + "/missing.proto", limit: 1000) == nil)
        #expect(try FileSystem.contents(root + "/a", limit: 1000) == nil, "a folder is not a file")
        #expect(try FileSystem.contents(root + "/top.proto/x", limit: 1000) == nil)
        #expect(throws: FileSystemError.self) { try FileSystem.contents(root + "/top.proto", limit: 5) }
        let big = [UInt8](repeating: 65, count: 200_000)
        try Data(big).write(to: URL(fileURLWithPath: root + "/big.proto"))
        #expect(try FileSystem.contents(root + "/big.proto", limit: 1 << 20) == big)
    }
}
