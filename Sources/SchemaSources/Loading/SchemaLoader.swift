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
    /// Each file's identity in the compile cache it was compiled through (the same identity in two
    /// versions: the same model), for reusing per-file work across versions. Empty for sources not
    /// compiled through a cache. It describes `schema` as loaded: clear it when changing a file.
    public var fileIdentities: [String: Int] = [:]
    /// The files the SOURCE names (a folder's files, the .proto files given), as opposed to the
    /// files they import from include roots; nil when every file of the schema is named (a
    /// descriptor set, a wheel, a snapshot).
    public var namedFiles: [String]?
    /// Where the compiled files' texts can be read again (with `SchemaLoader.keepsSourceTexts`, for
    /// sources compiled from .proto text): `build --include-source-info` counts columns in them.
    public var sourceTexts: (any SourceProvider)?

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

/// Resolves one SOURCE syntax for every command (see `SourceSpec`): .proto trees and files with include
/// roots, descriptor sets, git refs, Python wheels and packages, and snapshots.
public struct SchemaLoader: Sendable {
    public var includeRoots: [String]
    public var label: String?
    /// Leave out the files that fail instead of failing (their errors go to `LoadedSchema.errors`).
    public var keepGoing: Bool
    /// Shared by the loads of several versions (a changelog, a matrix): unchanged files compile once.
    public var compileCache: CompileCache?
    /// Keep a way to read the compiled files' texts again (`LoadedSchema.sourceTexts`); off by
    /// default, since a git source's texts would then stay in memory.
    public var keepsSourceTexts = false

    public init(includeRoots: [String] = [], label: String? = nil, keepGoing: Bool = false, compileCache: CompileCache? = nil) {
        self.includeRoots = includeRoots
        self.label = label
        self.keepGoing = keepGoing
        self.compileCache = compileCache
    }

    /// Loads one SOURCE (several .proto files make one version; otherwise exactly one argument).
    /// An argument `@FILE` stands for the lines of FILE, as in protoc.
    public func load(_ givenArguments: [String]) throws(SourceError) -> LoadedSchema {
        let arguments = try ArgumentFile.expand(givenArguments)
        // A shipped version by name (`livekit-protocol==1.0.7`, `v1.50.4`) is its snapshot.
        // Swift decodes arguments as UTF-8, replacing bad bytes: such a path cannot be opened as given.
        for argument in arguments where argument.contains("\u{FFFD}") && !FileManager.default.fileExists(atPath: argument) {
            throw SourceError("\(argument): error: the path is not valid UTF-8: rename it or use a UTF-8 path")
        }
        var sources = arguments
        // (The search folders are listed only for a name: a path needs no directory listing.)
        if arguments.count == 1, NamedVersions.isName(arguments[0]), let named = try NamedVersions.resolve(arguments[0], folders: NamedVersions.folders()) {
            sources = [named]
        }
        let spec = try SourceSpec.classify(sources)
        var loaded: LoadedSchema
        switch spec {
        case .descriptorSet(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceError("\(path): error: cannot read the descriptor set (does the file exist?)")
            }
            do {
                loaded = LoadedSchema(schema: try DescriptorSetReader.read([UInt8](data), path: path), label: Self.defaultLabel(path), source: path)
            } catch {
                throw SourceError(error.description)
            }
        case .directory(let path):
            let files = try Self.protoFiles(under: path)
            if files.isEmpty { throw SourceError("\(path): error: no .proto files in this directory") }
            loaded = try compile(files, roots: [path] + includeRoots)
            loaded.label = Self.defaultLabel(path)
        case .protoFiles(let paths):
            let roots = includeRoots.isEmpty ? ["."] : includeRoots
            var importPaths: [String] = []
            for path in paths {
                guard FileManager.default.fileExists(atPath: path) else { throw SourceError("\(path): error: no such file") }
                guard let relative = Self.importPath(of: path, roots: roots) else {
                    throw SourceError("\(path): error: file does not reside within any include root (\(roots.joined(separator: ", "))): add its folder with -I")
                }
                importPaths.append(relative)
            }
            loaded = try compile(importPaths, roots: roots)
            loaded.label = Self.defaultLabel(paths[0])
        case .git(let repository, let ref, let subdirectory):
            let files = try GitTreeReader.protoFiles(repository: repository, ref: ref, subdirectory: subdirectory)
            loaded = try compile(files.keys.sorted(), source: LayeredSource([InMemorySource(files: files), IncludeRootSource(roots: includeRoots)]))
            loaded.label = ref
        case .wheel(let path):
            let modules = try PythonPackageReader.modules(inWheel: path)
            loaded = LoadedSchema(
                schema: try PythonPackageReader.schema(from: modules, origin: path),
                label: PythonPackageReader.wheelVersion(path) ?? Self.defaultLabel(path), source: path)
        case .sdist(let path):
            let modules = try PythonPackageReader.modules(inSdist: path)
            loaded = LoadedSchema(
                schema: try PythonPackageReader.schema(from: modules, origin: path),
                label: PythonPackageReader.sdistVersion(path) ?? Self.defaultLabel(path), source: path)
        case .pythonPackage(let path):
            let modules = try PythonPackageReader.modules(inDirectory: path)
            loaded = LoadedSchema(schema: try PythonPackageReader.schema(from: modules, origin: path), label: Self.defaultLabel(path), source: path)
        case .snapshot(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SourceError("\(path): error: cannot read the snapshot (does the file exist?)")
            }
            let snapshot = try Snapshot.read([UInt8](data), path: path)
            loaded = LoadedSchema(schema: snapshot.schema, label: snapshot.label, source: path)
        }
        loaded.source = givenArguments.joined(separator: " ")
        if sources != arguments, NamedVersions.isTag(arguments[0]) { loaded.label = "\(arguments[0]) (\(loaded.label))" }
        if let label { loaded.label = label }
        return loaded
    }

    func compile(_ files: [String], roots: [String]) throws(SourceError) -> LoadedSchema {
        try compile(files, source: IncludeRootSource(roots: roots))
    }

    func compile(_ files: [String], source: any SourceProvider) throws(SourceError) -> LoadedSchema {
        let compiler = ProtoCompiler(source: source, cache: compileCache)
        if keepGoing {
            let result = compiler.compileKeepingGoing(files)
            var loaded = LoadedSchema(schema: result.schema, label: "", source: "", errors: result.diagnostics.map(\.description))
            loaded.namedFiles = files
            return loaded
        }
        do {
            let compiled = try compiler.compileIdentified(files)
            var loaded = LoadedSchema(schema: compiled.schema, label: "", source: "")
            loaded.fileIdentities = compiled.identities
            loaded.namedFiles = files
            if keepsSourceTexts { loaded.sourceTexts = source }
            return loaded
        } catch {
            throw SourceError(error.diagnostics.map(\.description))
        }
    }

    /// The most .proto files one folder may hold (a monorepo of 100,000 files is fine).
    static let maxFiles = 1_000_000

    /// Every .proto file below `directory`, as import paths relative to it, sorted. Symbolic links
    /// to folders are not followed, so a link loop cannot make the walk endless.
    static func protoFiles(under directory: String) throws(SourceError) -> [String] {
        guard let result = FileSystem.files(under: directory, limit: maxFiles, where: { $0.hasSuffix(".proto") }) else {
            throw SourceError("\(directory): error: cannot list the directory")
        }
        if let bad = result.first(where: { $0.contains("\u{FFFD}") }) {
            throw SourceError("\(directory)/\(bad): error: the file name is not valid UTF-8: rename it (import paths are UTF-8)")
        }
        if result.count > maxFiles {
            throw SourceError("\(directory): error: more than \(maxFiles) .proto files below this folder: point at a smaller tree")
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
