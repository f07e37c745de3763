import Foundation

/// What a SOURCE argument names, decided from its text alone (and whether a path is a directory).
public enum SourceSpec: Sendable, Equatable {
    /// `.proto` files, or a directory of them.
    case protoFiles([String])
    case directory(String)
    /// A binary FileDescriptorSet.
    case descriptorSet(String)
    /// `git:REF[:SUBDIR]` (the current repository) or `REPO#ref=REF,subdir=DIR`.
    case git(repository: String, ref: String, subdirectory: String?)
    /// A Python wheel.
    case wheel(String)
    /// A Python source distribution (`.tar.gz`).
    case sdist(String)
    /// An installed Python package directory holding generated modules and no .proto files.
    case pythonPackage(String)
    /// A protocompat snapshot.
    case snapshot(String)

    static let descriptorExtensions: Set<String> = ["binpb", "pb", "desc", "fds"]

    /// Classifies the arguments of one SOURCE (several .proto files make one version).
    public static func classify(_ arguments: [String]) throws(SourceError) -> SourceSpec {
        guard let first = arguments.first else { throw SourceError("error: no source given") }
        if arguments.count > 1 {
            for path in arguments where !path.hasSuffix(".proto") {
                throw SourceError("\(path): error: several arguments make one source only when all are .proto files")
            }
            return .protoFiles(arguments)
        }
        if first.hasPrefix("git:") {
            let rest = first.dropFirst(4)
            let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return .git(repository: ".", ref: String(parts[0]), subdirectory: parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
        }
        if let hash = first.firstIndex(of: "#"), first[first.index(after: hash)...].hasPrefix("ref=") {
            var ref = ""
            var subdirectory: String?
            for pair in first[first.index(after: hash)...].split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { throw SourceError("error: bad git source \"\(first)\": use REPO#ref=REF,subdir=DIR") }
                switch kv[0] {
                case "ref": ref = String(kv[1])
                case "subdir": subdirectory = String(kv[1])
                default: throw SourceError("error: bad git source \"\(first)\": unknown key \"\(kv[0])\" (ref, subdir)")
                }
            }
            return .git(repository: String(first[..<hash]), ref: ref, subdirectory: subdirectory)
        }
        let ext = (first as NSString).pathExtension.lowercased()
        if descriptorExtensions.contains(ext) { return .descriptorSet(first) }
        if ext == "whl" { return .wheel(first) }
        if ext == "yaml" || ext == "yml" { return .snapshot(first) }
        if first.hasSuffix(".tar.gz") || first.hasSuffix(".tgz") { return .sdist(first) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
            return holdsOnlyGeneratedPython(first) ? .pythonPackage(first) : .directory(first)
        }
        if first.hasSuffix(".proto") { return .protoFiles([first]) }
        if !FileManager.default.fileExists(atPath: first) {
            throw SourceError("\(first): error: no such file or directory")
        }
        throw SourceError(
            "\(first): error: not a directory, .proto file, descriptor set (.binpb, .pb, .desc, .fds), wheel (.whl), source distribution (.tar.gz), snapshot (.yaml) or git:REF"
        )
    }

    /// A directory with generated Python protobuf modules and no .proto files.
    static func holdsOnlyGeneratedPython(_ directory: String) -> Bool {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return false }
        var sawModule = false
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".proto") { return false }
            if !sawModule, item.hasSuffix(".py"), let data = FileManager.default.contents(atPath: directory + "/" + item),
                data.range(of: Data("AddSerializedFile(".utf8)) != nil || data.range(of: Data("serialized_pb".utf8)) != nil
            {
                sawModule = true
            }
        }
        return sawModule
    }
}
