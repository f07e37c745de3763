import Foundation
import SwiftProtobuf
import ZIPFoundation

/// Builds inputs on disk for source tests: temporary folders, git repositories, wheels.
enum SourceFixtures {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "protocompat-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ files: [String: String], under root: String) throws {
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A zip archive with these entries (stored), as bytes.
    static func zip(_ entries: [(String, [UInt8])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return archive.data!
    }

    /// A generated module embedding `descriptor` the way protobuf 4+ writes it.
    static func module(_ descriptor: Google_Protobuf_FileDescriptorProto) throws -> [UInt8] {
        let bytes: [UInt8] = try descriptor.serializedBytes()
        let literal = bytes.map { byte -> String in
            switch byte {
            case 0x20..<0x7F where byte != 0x27 && byte != 0x5C: String(UnicodeScalar(byte))
            default: String(format: "\\x%02x", byte)
            }
        }.joined()
        return Array(
            """
            from google.protobuf import descriptor_pool as _descriptor_pool
            DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile(b'\(literal)')

            """.utf8)
    }

    static func descriptor(_ name: String, package: String, messages: [String], dependencies: [String] = []) -> Google_Protobuf_FileDescriptorProto {
        var file = Google_Protobuf_FileDescriptorProto()
        file.name = name
        file.package = package
        file.syntax = "proto3"
        file.dependency = dependencies
        file.messageType = messages.map { name in
            var message = Google_Protobuf_DescriptorProto()
            message.name = name
            var field = Google_Protobuf_FieldDescriptorProto()
            field.name = "id"
            field.number = 1
            field.label = .optional
            field.type = .string
            message.field = [field]
            return message
        }
        return file
    }
}
