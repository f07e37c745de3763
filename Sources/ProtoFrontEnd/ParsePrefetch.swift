import ProtoModel
import Support

/// The files a compilation was asked for, read and parsed on all cores before the compilation
/// links them one by one (linking follows imports and shares one symbol table; parsing needs
/// nothing but the file). A tree of thousands of files spends a third of its time parsing.
struct ParsePrefetch {
    /// A file read and parsed ahead.
    struct Parsed: Sendable {
        let bytes: [UInt8]
        /// nil when the parse went to the compile cache instead (it keeps parses by content).
        let parse: (FileNode, [Diagnostic])?
        /// The bytes with their hash, when there is a compile cache (hashed once, here).
        var content: CompileCache.Content?
        /// How many names the file defines (counted, not listed: the lists of a whole window held
        /// at once took 10 MiB on the synthetic pair).
        var definitionCount: Int
    }

    /// How many names the files read ahead define: what the symbol table grows by.
    var definitionCount: Int { files.values.reduce(0) { $0 + $1.definitionCount } }

    private(set) var files: [String: Parsed] = [:]

    init() {}

    /// Reads and parses `names` on all cores; a file that cannot be read (or is not there) is left
    /// to the compilation, which reports it in order. With a cache, lists the texts read there
    /// (`CompileCache.announce`; `firstOfVersion` for a version's first window).
    init<Names: Collection<String>>(_ names: Names, source: any SourceProvider, cache: CompileCache?, firstOfVersion: Bool) {
        let unique = Array(Set(names))
        defer { cache?.announce(files.values.compactMap(\.content), firstOfVersion: firstOfVersion) }
        guard unique.count > 1 else { return }
        let parsed = ParallelMap.run(unique) { name -> Parsed? in
            guard let bytes = try? source.read(name) else { return nil }
            guard let cache else {
                let parse = Parser.parse(file: name, bytes: bytes)
                return Parsed(bytes: bytes, parse: parse, definitionCount: FileSymbols.definitionCount(of: parse.0))
            }
            let content = CompileCache.Content(name: name, bytes: bytes)
            let (node, _) = cache.parse(content) { Parser.parse(file: name, bytes: bytes) }
            return Parsed(bytes: bytes, parse: nil, content: content, definitionCount: FileSymbols.definitionCount(of: node))
        }
        for (name, entry) in zip(unique, parsed) {
            if let entry { files[name] = entry }
        }
    }

    /// The file read and parsed ahead, given up (each file is built once).
    mutating func take(_ name: String) -> Parsed? {
        files.removeValue(forKey: name)
    }
}
