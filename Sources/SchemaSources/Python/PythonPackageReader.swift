import Foundation
import ProtoFrontEnd
import ProtoModel
import SwiftProtobuf

/// Reads the schema that a Python package carries in its generated protobuf modules (`*_pb2.py`, or
/// any `.py` holding a serialized descriptor: LiveKit renames them to `models.py` and so on), from a
/// wheel (read in memory, with limits) or an installed package directory, without running Python.
public enum PythonPackageReader {
    /// Limits on archives, against zip bombs and runaway inputs.
    public struct Limits: Sendable {
        public var maxEntries = 100_000
        public var maxEntrySize: UInt64 = 64 << 20
        public var maxTotalSize: UInt64 = 1 << 30

        public init() {}
    }

    /// The modules of a wheel: every `.py` entry whose name is a safe relative path.
    public static func modules(inWheel path: String, limits: Limits = Limits()) throws(SourceError) -> [(String, [UInt8])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError("\(path): error: cannot read the wheel (does the file exist?)")
        }
        return try modules(inWheelData: data, path: path, limits: limits)
    }

    /// The modules of a wheel already in memory; `path` names it in errors.
    public static func modules(inWheelData data: Data, path: String, limits: Limits = Limits()) throws(SourceError) -> [(String, [UInt8])] {
        let bytes = [UInt8](data)
        let entries: [ZipReader.Entry]
        do {
            entries = try ZipReader.entries(bytes, maxEntries: limits.maxEntries)
        } catch {
            throw SourceError("\(path): error: not a readable zip archive (\(error.description))")
        }
        var modules: [(String, [UInt8])] = []
        var total: UInt64 = 0
        for entry in entries {
            let name = entry.name
            guard isSafe(name) else { throw unsafeEntry(name, path) }
            guard !entry.isDirectory, name.hasSuffix(".py") else { continue }
            guard UInt64(entry.uncompressedSize) <= limits.maxEntrySize else {
                throw SourceError(
                    "\(path): \(name): error: the entry declares \(entry.uncompressedSize) bytes, over the limit of \(limits.maxEntrySize) (a zip bomb?)")
            }
            total += UInt64(entry.uncompressedSize)
            guard total <= limits.maxTotalSize else {
                throw SourceError("\(path): error: the archive's modules exceed \(limits.maxTotalSize) bytes")
            }
            do {
                modules.append((name, try ZipReader.extract(entry, from: bytes)))
            } catch {
                throw SourceError("\(path): \(name): error: cannot extract the entry (\(error.description))")
            }
        }
        return modules
    }

    /// The modules of a source distribution (`.tar.gz`), read in memory with the same limits.
    public static func modules(inSdist path: String, limits: Limits = Limits()) throws(SourceError) -> [(String, [UInt8])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError("\(path): error: cannot read the source distribution (does the file exist?)")
        }
        return try modules(inSdistData: [UInt8](data), path: path, limits: limits)
    }

    /// The modules of a source distribution already in memory; `path` names it in errors.
    public static func modules(inSdistData data: [UInt8], path: String, limits: Limits = Limits()) throws(SourceError) -> [(String, [UInt8])] {
        let tar: [UInt8]
        do {
            tar = try Gzip.inflate(data, limit: Int(limits.maxTotalSize))
        } catch {
            throw SourceError("\(path): error: cannot decompress: \(error)")
        }
        let entries: [(name: String, bytes: ArraySlice<UInt8>)]
        do {
            entries = try TarReader.files(tar, maxEntries: limits.maxEntries)
        } catch {
            throw SourceError("\(path): error: not a readable tar archive: \(error)")
        }
        var modules: [(String, [UInt8])] = []
        for entry in entries {
            guard isSafe(entry.name) else { throw unsafeEntry(entry.name, path) }
            guard entry.name.hasSuffix(".py") else { continue }
            guard UInt64(entry.bytes.count) <= limits.maxEntrySize else {
                throw SourceError("\(path): \(entry.name): error: the entry has \(entry.bytes.count) bytes, over the limit of \(limits.maxEntrySize)")
            }
            modules.append((entry.name, Array(entry.bytes)))
        }
        return modules
    }

    /// The version in an sdist's file name (`name-1.2.3.tar.gz` gives `1.2.3`).
    public static func sdistVersion(_ path: String) -> String? {
        let base = (path as NSString).lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "")
        guard let dash = base.lastIndex(of: "-") else { return nil }
        return String(base[base.index(after: dash)...])
    }

    /// Entry names with `..` components or an absolute path are ignored.
    static func unsafeEntry(_ name: String, _ path: String) -> SourceError {
        SourceError("\(path): \(name): error: the entry's path leaves the archive (absolute, or with '..'): refusing a malicious or broken archive")
    }

    static func isSafe(_ name: String) -> Bool {
        !name.hasPrefix("/") && !name.hasPrefix("\\") && !name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// The modules of an installed package directory (e.g. `site-packages/livekit/protocol`).
    public static func modules(inDirectory path: String) throws(SourceError) -> [(String, [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw SourceError("\(path): error: cannot list the directory")
        }
        var modules: [(String, [UInt8])] = []
        while let item = enumerator.nextObject() as? String {
            guard item.hasSuffix(".py") else { continue }
            guard let data = FileManager.default.contents(atPath: path + "/" + item) else {
                throw SourceError("\(path)/\(item): error: cannot read the file")
            }
            modules.append((item, [UInt8](data)))
        }
        return modules.sorted { $0.0 < $1.0 }
    }

    /// The schema carried by the modules; `origin` names the package in errors.
    public static func schema(from modules: [(String, [UInt8])], origin: String) throws(SourceError) -> Schema {
        guard !modules.isEmpty else {
            throw SourceError("\(origin): error: no Python modules found: is this a package with generated protobuf code?")
        }
        var protos: [String: Google_Protobuf_FileDescriptorProto] = [:]
        for (name, text) in modules.sorted(by: { $0.0 < $1.0 }) {
            let blobs: [[UInt8]]
            do {
                blobs = try GeneratedModuleScanner.descriptors(in: text)
            } catch {
                throw SourceError("\(origin): \(name):\(error.line): error: \(error.message)")
            }
            for blob in blobs {
                let proto: Google_Protobuf_FileDescriptorProto
                do {
                    proto = try Google_Protobuf_FileDescriptorProto(serializedBytes: blob)
                } catch {
                    throw SourceError("\(origin): \(name): error: the embedded descriptor is not a valid FileDescriptorProto (\(error))")
                }
                if let existing = protos[proto.name], existing != proto {
                    throw SourceError("\(origin): \(name): error: two different descriptors for \"\(proto.name)\"")
                }
                protos[proto.name] = proto
            }
        }
        guard !protos.isEmpty else {
            throw SourceError(
                "\(origin): error: no module embeds a serialized descriptor (AddSerializedFile or serialized_pb): is this a package with generated protobuf code?"
            )
        }
        // Imports that the package does not carry must be built-in well-known types.
        var builtIns: [ProtoFile] = []
        var have = Set(protos.keys)
        var queue = protos.values.flatMap(\.dependency)
        while let dependency = queue.popLast() {
            guard !have.contains(dependency) else { continue }
            guard let builtIn = WellKnownTypes.files[dependency] else {
                let importer = protos.values.first { $0.dependency.contains(dependency) }?.name ?? "?"
                throw SourceError("\(origin): error: \"\(importer)\" imports \"\(dependency)\", which is neither in the package nor a built-in well-known type")
            }
            have.insert(dependency)
            builtIns.append(builtIn)
            queue += builtIn.imports.map(\.path)
        }
        let schema: Schema
        do {
            schema = try DescriptorSetReader.read(protos.keys.sorted().map { protos[$0]! }, path: origin)
        } catch {
            throw SourceError(error.description)
        }
        return Schema(files: schema.files + builtIns)
    }

    /// The version in a wheel's file name (`name-1.2.3-py3-none-any.whl` gives `1.2.3`).
    public static func wheelVersion(_ path: String) -> String? {
        let parts = (path as NSString).lastPathComponent.split(separator: "-")
        return parts.count >= 2 ? String(parts[1]) : nil
    }
}
