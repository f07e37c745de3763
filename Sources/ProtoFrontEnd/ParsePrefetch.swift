import Foundation

/// The files a compilation was asked for, read and parsed on all cores before the compilation
/// links them one by one (linking follows imports and shares one symbol table; parsing needs
/// nothing but the file). A tree of thousands of files spends a third of its time parsing.
struct ParsePrefetch {
    /// A file read and parsed ahead.
    struct Parsed: Sendable {
        let bytes: [UInt8]
        /// nil when the parse went to the compile cache instead (it keeps parses by content).
        let parse: (FileNode, [Diagnostic])?
    }

    private(set) var files: [String: Parsed] = [:]

    init() {}

    /// Reads and parses `names` on all cores; a file that cannot be read (or is not there) is left
    /// to the compilation, which reports it in order.
    init<Names: Collection<String>>(_ names: Names, source: any SourceProvider, cache: CompileCache?) {
        let unique = Array(Set(names))
        guard unique.count > 1 else { return }
        let results = Results(count: unique.count)
        DispatchQueue.concurrentPerform(iterations: unique.count) { index in
            let name = unique[index]
            guard let bytes = try? source.read(name) else { return }
            if let cache {
                _ = cache.parse(CompileCache.Content(name: name, bytes: bytes)) { Parser.parse(file: name, bytes: bytes) }
                results.set(index, Parsed(bytes: bytes, parse: nil))
            } else {
                results.set(index, Parsed(bytes: bytes, parse: Parser.parse(file: name, bytes: bytes)))
            }
        }
        for (index, parsed) in results.values.enumerated() {
            if let parsed { files[unique[index]] = parsed }
        }
    }

    /// The file read and parsed ahead, given up (each file is built once).
    mutating func take(_ name: String) -> Parsed? {
        files.removeValue(forKey: name)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Parsed?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Parsed) { lock.lock(); storage[index] = value; lock.unlock() }
        var values: [Parsed?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
