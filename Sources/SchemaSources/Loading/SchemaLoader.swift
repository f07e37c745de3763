import Foundation
import ProtoFrontEnd
import ProtoModel

/// A schema version, loaded from a SOURCE argument, with the label reports use for it.
public struct LoadedSchema: Sendable {
    public var schema: Schema
    public var label: String
    /// The SOURCE argument as given.
    public var source: String
    /// With `keepGoing`: the errors of the files left out.
    public var errors: [String] = []

    public init(schema: Schema, label: String, source: String, errors: [String] = []) {
        self.schema = schema
        self.label = label
        self.source = source
        self.errors = errors
    }
}

/// A SOURCE argument that cannot be loaded: bad syntax, missing files, or compilation errors.
public struct SourceError: Error, Sendable, CustomStringConvertible {
    public var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }
    public init(_ line: String) { self.lines = [line] }

    public var description: String { lines.joined(separator: "\n") }
}

/// Resolves one SOURCE syntax for every command: a directory or .proto files (with include roots),
/// or a binary FileDescriptorSet (`.binpb`, `.pb`, `.desc`, `.fds`).
public struct SchemaLoader: Sendable {
    public var includeRoots: [String]
    public var label: String?
    /// Leave out the files that fail instead of failing (their errors go to `LoadedSchema.errors`).
    public var keepGoing: Bool

    public init(includeRoots: [String] = [], label: String? = nil, keepGoing: Bool = false) {
        self.includeRoots = includeRoots
        self.label = label
        self.keepGoing = keepGoing
    }

    static let descriptorExtensions: Set<String> = ["binpb", "pb", "desc", "fds"]

    /// Loads `sources` (several .proto files make one version; otherwise exactly one source).
    public func load(_ sources: [String]) throws(SourceError) -> LoadedSchema {
        guard let first = sources.first else { throw SourceError("error: no source given") }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if sources.count == 1, Self.descriptorExtensions.contains((first as NSString).pathExtension.lowercased()) {
            guard let data = fileManager.contents(atPath: first) else {
                throw SourceError("\(first): error: cannot read the descriptor set (does the file exist?)")
            }
            do {
                let schema = try DescriptorSetReader.read([UInt8](data), path: first)
                return LoadedSchema(schema: schema, label: label ?? Self.defaultLabel(first), source: first)
            } catch {
                throw SourceError(error.description)
            }
        }
        if sources.count == 1, fileManager.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
            let files = try Self.protoFiles(under: first)
            if files.isEmpty { throw SourceError("\(first): error: no .proto files in this directory") }
            let roots = [first] + includeRoots
            var loaded = try compile(files, roots: roots)
            loaded.label = label ?? Self.defaultLabel(first)
            loaded.source = first
            return loaded
        }
        // .proto files: each must lie under an include root (default: the current directory).
        let roots = includeRoots.isEmpty ? ["."] : includeRoots
        var importPaths: [String] = []
        for path in sources {
            guard path.hasSuffix(".proto") else {
                throw SourceError("\(path): error: not a directory, .proto file or descriptor set (.binpb, .pb, .desc, .fds)")
            }
            guard fileManager.fileExists(atPath: path) else { throw SourceError("\(path): error: no such file") }
            guard let relative = Self.importPath(of: path, roots: roots) else {
                throw SourceError("\(path): error: file does not reside within any include root (\(roots.joined(separator: ", "))): add its folder with -I")
            }
            importPaths.append(relative)
        }
        var loaded = try compile(importPaths, roots: roots)
        loaded.label = label ?? Self.defaultLabel(first)
        loaded.source = sources.joined(separator: " ")
        return loaded
    }

    func compile(_ files: [String], roots: [String]) throws(SourceError) -> LoadedSchema {
        let compiler = ProtoCompiler(source: IncludeRootSource(roots: roots))
        if keepGoing {
            let result = compiler.compileKeepingGoing(files)
            return LoadedSchema(schema: result.schema, label: "", source: "", errors: result.diagnostics.map(\.description))
        }
        do {
            return LoadedSchema(schema: try compiler.compile(files), label: "", source: "")
        } catch {
            throw SourceError(error.diagnostics.map(\.description))
        }
    }

    /// Every .proto file below `directory`, as import paths relative to it, sorted.
    static func protoFiles(under directory: String) throws(SourceError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw SourceError("\(directory): error: cannot list the directory")
        }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".proto") { result.append(item) }
        }
        return result.sorted()
    }

    /// The path of `file` relative to the first include root that contains it.
    static func importPath(of file: String, roots: [String]) -> String? {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        for root in roots {
            var rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
            if !rootPath.hasSuffix("/") { rootPath += "/" }
            if absolute.hasPrefix(rootPath) { return String(absolute.dropFirst(rootPath.count)) }
        }
        return nil
    }

    /// The last path component without extension: `schemas/v1.2.0` is labelled `v1.2.0`.
    static func defaultLabel(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let last = (trimmed as NSString).lastPathComponent
        let ext = (last as NSString).pathExtension
        return ext.isEmpty || last.hasPrefix("v") && Int(ext) != nil ? last : (last as NSString).deletingPathExtension
    }
}
