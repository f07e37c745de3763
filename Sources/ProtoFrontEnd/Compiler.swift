import Foundation
import ProtoModel
import Support

/// Compiles .proto files into a linked `Schema`, as `protoc --include_imports --descriptor_set_out`
/// would: imports are loaded through a `SourceProvider`, then the built-in well-known types.
public struct ProtoCompiler: Sendable {
    public var source: any SourceProvider
    /// Files used when an import is not found in `source` (by default the well-known types).
    public var builtIns: BuiltInFiles
    /// Files compiled before, shared with other compilations (several versions of one tree).
    public var cache: CompileCache?

    public init(source: any SourceProvider, builtIns: BuiltInFiles = WellKnownTypes.files, cache: CompileCache? = nil) {
        self.source = source
        self.builtIns = builtIns
        self.cache = cache
    }

    /// Compiles the given files (import paths) and everything they import.
    public func compile(_ files: [String]) throws(CompilationFailed) -> Schema {
        try compileIdentified(files).schema
    }

    /// Compiles as `compile`, and gives each file's identity in the cache: two files with the same
    /// identity (in any versions compiled through one cache) are the same text linked against the same
    /// imports, so the same model. Empty without a cache.
    public func compileIdentified(_ files: [String]) throws(CompilationFailed) -> (schema: Schema, identities: [String: Int]) {
        var session = CompilationSession(compiler: self)
        session.buildAll(files) { session, file in _ = session.build(file, importedFrom: nil) }
        if session.diagnostics.contains(where: { $0.severity == .error }) {
            throw CompilationFailed(session.diagnostics.filter { $0.severity == .error })
        }
        let result = (Schema(files: Array(session.linked.values)), session.identities)
        CompilationSession.releaseInBackground(consume session)
        return result
    }

    /// Compiles as much as possible: returns the files that compiled cleanly (with their imports)
    /// and every diagnostic. A file fails when it or anything it imports has an error.
    public func compileKeepingGoing(_ files: [String]) -> (schema: Schema, failed: [String], diagnostics: [Diagnostic]) {
        var session = CompilationSession(compiler: self)
        var failed: [String] = []
        session.buildAll(files) { session, file in if !session.build(file, importedFrom: nil) { failed.append(file) } }
        let ok = session.linked.filter { name, _ in
            if case .done(true) = session.states[name] { return true }
            return false
        }
        return (Schema(files: Array(ok.values)), failed, session.diagnostics.filter { $0.severity == .error })
    }
}

/// The state of one compilation: every file loaded, its symbols and its linked model.
struct CompilationSession {
    enum State {
        case inProgress
        case done(Bool)
    }

    let compiler: ProtoCompiler
    var linked: [String: ProtoFile] = [:]
    var states: [String: State] = [:]
    var stack: [String] = []
    var symbols = FileSymbols(table: SymbolTable())
    var index = SchemaIndex()
    var directDeps: [String: [Import]] = [:]
    var diagnostics: [Diagnostic] = []
    /// With a cache: the identity of each file built cleanly (its text and its imports' identities).
    var identities: [String: Int] = [:]
    /// The requested files, read and parsed ahead on all cores.
    var prefetch = ParsePrefetch()
    /// The deepest chain of imports compiled (each level recurses once).
    static let maxImportDepth = 250

    init(compiler: ProtoCompiler) {
        self.compiler = compiler
        // Options are interpreted against descriptor.proto whether or not a file imports it, as protoc does.
        if let descriptor = compiler.builtIns["google/protobuf/descriptor.proto"] { index.add(descriptor) }
    }

    /// Frees a finished session (its symbol table and index: hundreds of thousands of names in a large
    /// tree) on another thread, so that the caller goes on with the schema meanwhile; freeing it in
    /// place cost about a twentieth of compiling googleapis.
    static func releaseInBackground(_ session: consuming CompilationSession) {
        BackgroundRelease.release(Leftovers(session))
    }

    /// A finished session on its way to being freed.
    final class Leftovers: Sendable {
        let session: CompilationSession
        init(_ session: consuming CompilationSession) { self.session = session }
    }

    /// Builds `files` in order, a window at a time: each window's files not built yet are read and
    /// parsed on all cores first (a window bounds the parsed trees held at once).
    mutating func buildAll(_ files: [String], _ build: (inout CompilationSession, String) -> Void) {
        let window = 256
        for start in stride(from: 0, to: max(files.count, 1), by: window) {
            let chunk = files[start..<min(start + window, files.count)]
            prefetch = ParsePrefetch(
                chunk.filter { states[$0] == nil }, source: compiler.source, cache: compiler.cache,
                firstOfVersion: start == 0)
            // Grown once for the window: growing name by name rehashed every name each time the table doubled.
            PhaseTrace.mark("parsed window \(start / window) (\(chunk.count) files)")
            symbols.table.reserve(prefetch.definitionCount)
            for file in chunk { build(&self, file) }
        }
        prefetch = ParsePrefetch()
    }

    /// Loads, links and checks `name` after its imports; returns whether it succeeded. One file
    /// goes through the stages in order: its text, its syntax tree, its imports (each built first,
    /// recursively), its names, then, unless the cache holds it linked against the same imports,
    /// linking, options and validation.
    mutating func build(_ name: String, importedFrom: SourceSpan?) -> Bool {
        if let known = knownOutcome(name, importedFrom: importedFrom) { return known }
        let early = prefetch.take(name)
        // This version is done with the text it listed, however the build ends.
        defer { if let listed = early?.content { compiler.cache?.finished(listed) } }
        let bytes: [UInt8]
        switch readText(name, prefetched: early) {
        case .text(let text): bytes = text
        case .builtIn(let file): return addLinked(file)
        case .unreadable:
            states[name] = .done(false)
            return false
        }
        states[name] = .inProgress
        stack.append(name)
        defer { stack.removeLast() }

        // Hashed once per file, and only for a compile cache.
        let content = compiler.cache == nil ? nil : early?.content ?? CompileCache.Content(name: name, bytes: bytes)
        let (node, parseDiagnostics) = parse(name, bytes, content: content, prefetched: early)
        diagnostics += parseDiagnostics
        let parsed = !parseDiagnostics.contains { $0.severity == .error }
        // Every import is built, even after a syntax error, so that each reports its own problems.
        let imported = buildImports(of: node)
        guard parsed && imported else {
            states[name] = .done(false)
            return false
        }
        let before = diagnostics.count
        defineNames(of: node, content: content)
        directDeps[name] = node.imports
        // The same text linked against the same imports before: the same file.
        let key = linkKey(of: node, content: content)
        if let key, let hit = compiler.cache?.linked(key) {
            index.add(hit.file)
            diagnostics += hit.warnings
            linked[name] = hit.file
            identities[name] = hit.identity
            states[name] = .done(true)
            return true
        }
        let visible = visibility(of: name)

        var linker = FileLinker(node: node, symbols: symbols.table, visible: visible)
        var file = linker.link()
        diagnostics += linker.diagnostics
        index.add(file)
        // Each helper below borrows `index` and is gone before `index` changes again, so that the
        // index is never copied (a copy per file made large trees quadratic).
        let (optionDiagnostics, interpretedAny) = interpretOptions(node, into: &file, visible: visible)
        diagnostics += optionDiagnostics
        // Again, now with options (retention and features are read from them); a file that sets no
        // option is already indexed as it is.
        if interpretedAny { index.add(file) }
        // Without options written in the file (the linker adds only `map_entry`), there is no
        // source-retention option to drop and no `features` to refuse: both walks are skipped.
        if interpretedAny { stripSourceRetention(&file) }
        diagnostics += validate(file, setsOptions: interpretedAny)
        linked[name] = file
        let succeeded = !diagnostics[before...].contains { $0.severity == .error }
        states[name] = .done(succeeded)
        if succeeded, let key, let cache = compiler.cache {
            identities[name] = cache.keep(key, file: file, warnings: Array(diagnostics[before...]))
        }
        return succeeded
    }

    /// The options' diagnostics, and whether the file set any option.
    func interpretOptions(_ node: FileNode, into file: inout ProtoFile, visible: Visibility) -> ([Diagnostic], Bool) {
        var options = FileOptions(interpreter: OptionInterpreter(index: index, symbols: symbols.table, visible: visible))
        options.apply(node, to: &file)
        return (options.interpreter.diagnostics, options.interpreter.interpretedAny)
    }

    /// Drops source-retention options; a file that sets none is left untouched (writing back every
    /// options message copied every array of a model its index shares).
    func stripSourceRetention(_ file: inout ProtoFile) {
        guard file.containsOptions(where: { options, type in options.hasSourceRetention(type: type, index: index) }) else { return }
        file.transformOptions { options, type in options.stripSourceRetention(type: type, index: index) }
    }

    func validate(_ file: ProtoFile, setsOptions: Bool = true) -> [Diagnostic] {
        var validator = Validator(file: file, index: index, setsOptions: setsOptions)
        validator.validate()
        return validator.diagnostics
    }

    /// Registers an already linked file (a built-in one).
    mutating func addLinked(_ file: ProtoFile) -> Bool {
        for imp in file.imports where states[imp.path] == nil { _ = build(imp.path, importedFrom: nil) }
        symbols.diagnostics = []
        symbols.define(file)
        diagnostics += symbols.diagnostics
        directDeps[file.name] = file.imports
        index.add(file)
        linked[file.name] = file
        states[file.name] = .done(symbols.diagnostics.isEmpty)
        if let cache = compiler.cache, symbols.diagnostics.isEmpty { identities[file.name] = cache.builtIn(file.name) }
        return symbols.diagnostics.isEmpty
    }

    /// The file itself, its direct imports, and everything reachable from those through public imports.
    func visibility(of name: String) -> Visibility {
        var files: Set<String> = [name]
        var queue: [String] = []
        for imp in directDeps[name] ?? [] where files.insert(imp.path).inserted { queue.append(imp.path) }
        while let next = queue.popLast() {
            for imp in directDeps[next] ?? [] where imp.kind == .public {
                if files.insert(imp.path).inserted { queue.append(imp.path) }
            }
        }
        return Visibility(files: files)
    }

    // MARK: stages

    /// The outcome of a file already built, or nil to build it; a file met again while it is being
    /// built is an import cycle, and a chain deeper than `maxImportDepth` is refused.
    mutating func knownOutcome(_ name: String, importedFrom: SourceSpan?) -> Bool? {
        switch states[name] {
        case .done(let ok): return ok
        case .inProgress:
            let cycle = (stack.drop { $0 != name } + [name]).joined(separator: " -> ")
            diagnostics.append(Diagnostic("file recursively imports itself: \(cycle)", at: importedFrom))
            return false
        case nil: break
        }
        // Each import level is a level of recursion here: refuse absurd chains instead of
        // overflowing the stack (real schemas stay far below; googleapis reaches about 20).
        if stack.count >= Self.maxImportDepth {
            diagnostics.append(
                Diagnostic(
                    "imports nested more than \(Self.maxImportDepth) files deep (\(stack[0]) -> ... -> \(name)): flatten the import chain",
                    at: importedFrom))
            states[name] = .done(false)
            return false
        }
        return nil
    }

    /// What reading a file gave.
    enum TextOutcome {
        case text([UInt8])
        /// Not in the source, but one of the compiler's built-in files.
        case builtIn(ProtoFile)
        /// Missing or unreadable; the diagnostic is recorded.
        case unreadable
    }

    /// Stage 1: the file's bytes, prefetched or read from the source, or a built-in file.
    mutating func readText(_ name: String, prefetched: ParsePrefetch.Parsed?) -> TextOutcome {
        let bytes: [UInt8]?
        do {
            bytes = try prefetched?.bytes ?? compiler.source.read(name)
        } catch {
            // The diagnostic names the file already: keep only the reason.
            let reason = (error as? SourceReadError)?.message ?? "\(error)"
            diagnostics.append(Diagnostic(reason, file: name))
            return .unreadable
        }
        if let bytes { return .text(bytes) }
        if let builtIn = compiler.builtIns[name] { return .builtIn(builtIn) }
        diagnostics.append(Diagnostic("file not found: check the import path and the include roots (-I)", file: name))
        return .unreadable
    }

    /// Stage 2: the syntax tree, prefetched, from the cache, or parsed now.
    func parse(_ name: String, _ bytes: [UInt8], content: CompileCache.Content?, prefetched: ParsePrefetch.Parsed?) -> (FileNode, [Diagnostic]) {
        if let tree = prefetched?.parse { return tree }
        if let content, let cache = compiler.cache { return cache.parse(content) { Parser.parse(file: name, bytes: bytes) } }
        return Parser.parse(file: name, bytes: bytes)
    }

    /// Stage 3: every import built first (recursively); false when one is listed twice, missing or
    /// has errors.
    mutating func buildImports(of node: FileNode) -> Bool {
        var ok = true
        var seenImports = Set<String>()
        for imp in node.imports {
            if !seenImports.insert(imp.path).inserted {
                diagnostics.append(Diagnostic("import \"\(imp.path)\" was listed twice", at: imp.span))
                ok = false
                continue
            }
            if !build(imp.path, importedFrom: imp.span) {
                diagnostics.append(Diagnostic("import \"\(imp.path)\" was not found or had errors", at: imp.span))
                ok = false
            }
        }
        return ok
    }

    /// Stage 4: the names the file defines, added to the symbol table (listed once per text with a cache).
    mutating func defineNames(of node: FileNode, content: CompileCache.Content?) {
        symbols.diagnostics = []
        let definitions = content.flatMap { content in compiler.cache?.definitions(content) { FileSymbols.definitions(of: node) } }
        symbols.define(node, definitions: definitions ?? FileSymbols.definitions(of: node))
        diagnostics += symbols.diagnostics
    }

    /// The key under which the cache keeps this text linked against these imports: nil without a
    /// cache, when the names clashed, or when an import has no identity (it had errors).
    func linkKey(of node: FileNode, content: CompileCache.Content?) -> CompileCache.LinkKey? {
        guard compiler.cache != nil, let content, !symbols.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let imports = node.imports.compactMap { identities[$0.path] }
        guard imports.count == node.imports.count else { return nil }
        return CompileCache.LinkKey(content: content, imports: imports)
    }
}
