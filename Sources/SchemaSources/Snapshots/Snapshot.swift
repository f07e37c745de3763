import Foundation
import ProtoFrontEnd
import ProtoModel
import YAML

/// protocompat's own lock file: one schema version as YAML that reviewers can read, with source
/// locations and comments. The layout is documented in docs/snapshot-format.md.
public struct Snapshot: Sendable, Codable {
    /// The format this protocompat writes and the newest it reads.
    public static let currentVersion = 1
    static let formatName = "protocompat-snapshot"

    public var format: String
    public var version: Int
    public var label: String
    /// Where the version came from (the SOURCE argument), for people reading the file.
    public var source: String
    /// The files of the version; imported well-known types are left out (they are built in).
    public var files: [ProtoFile]

    public init(label: String, source: String, schema: Schema) {
        format = Self.formatName
        version = Self.currentVersion
        self.label = label
        self.source = source
        files = schema.files.filter { file in
            guard let builtIn = WellKnownTypes.files[file.name] else { return true }
            return builtIn != file.strippingSourceInfo()
        }
    }

    /// The schema, with the well-known types the files import added back.
    public var schema: Schema {
        var all = files
        var names = Set(files.map(\.name))
        var index = 0
        while index < all.count {
            for imp in all[index].imports where !names.contains(imp.path) {
                if let builtIn = WellKnownTypes.files[imp.path] {
                    all.append(builtIn)
                    names.insert(imp.path)
                }
            }
            index += 1
        }
        return Schema(files: all)
    }

    /// The snapshot as YAML (stable: the same schema gives the same bytes).
    public func yaml() throws -> String {
        try YAMLCoding.encode(self)
    }

    /// Reads a snapshot, checking its format and version; `path` names it in errors.
    public static func read(_ bytes: [UInt8], path: String) throws(SourceError) -> Snapshot {
        let node: YAMLNode
        let marks: YAMLMarks
        do {
            (node, marks) = try YAMLParser.parseLocated(bytes)
        } catch {
            throw SourceError("\(path):\(error.line):\(error.column): error: not valid YAML: \(error.message)")
        }
        /// `path:line:col: error: message`, at the value the error is about (or its nearest parent).
        func failure(_ at: [String], _ message: String) -> SourceError {
            guard let position = marks.position(at) else { return SourceError("\(path): error: \(message)") }
            return SourceError("\(path):\(position.line):\(position.column): error: \(message)")
        }
        guard node["format"]?.scalarText == formatName else {
            throw failure(
                ["format"], "not a protocompat snapshot (expected 'format: \(formatName)'); write one with 'protocompat snapshot SOURCE -o FILE.yaml'")
        }
        guard let versionText = node["version"]?.scalarText, let version = Int(versionText) else {
            throw failure(["version"], "the snapshot has no 'version'")
        }
        guard version <= currentVersion else {
            throw failure(["version"], "snapshot format version \(version) is newer than this protocompat reads (\(currentVersion)): upgrade protocompat")
        }
        let keys = { (codingPath: [any CodingKey]) in codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        do {
            return try TreeDecoder().decode(Snapshot.self, from: TreeValue(yaml: node))
        } catch let DecodingError.keyNotFound(key, context) {
            throw failure(keys(context.codingPath), "the snapshot is missing the key '\(key.stringValue)' at \(describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw failure(keys(context.codingPath), "the snapshot has a bad value at \(describe(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw SourceError("\(path): error: cannot read the snapshot: \(error)")
        }
    }

    static func describe(_ path: [any CodingKey]) -> String {
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
    }
}

extension ProtoFile {
    /// The file without locations and comments.
    func strippingSourceInfo() -> ProtoFile {
        Schema(files: [self]).strippingSourceInfo().files[0]
    }
}
