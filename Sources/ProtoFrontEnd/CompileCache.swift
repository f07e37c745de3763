import Foundation
import ProtoModel

/// Compiled files shared by every compilation that uses the same cache: a file with the same path and
/// bytes is parsed once, and linked once for each set of imports it was linked against. A changelog or
/// matrix compiles hundreds of versions of a tree in which most files never change (LiveKit's 211
/// protocol tags hold 3,679 files, 746 distinct). Only files that compiled without errors are kept.
public final class CompileCache: @unchecked Sendable {
    /// A file's text under its import path.
    struct Content: Hashable {
        let name: String
        let bytes: [UInt8]
        /// The bytes hashed once, as one block: the caches look a text up several times (parse,
        /// definitions, links), and a large file costs tens of thousands of instructions to hash.
        let bytesHash: Int

        init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
            var hasher = Hasher()
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            bytesHash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(bytesHash)
        }

        static func == (a: Content, b: Content) -> Bool {
            a.bytesHash == b.bytesHash && a.name == b.name && a.bytes == b.bytes
        }
    }

    /// A file's text and the identities of the files it imports, in order: what its linked form depends on.
    struct LinkKey: Hashable {
        var content: Content
        var imports: [Int]
    }

    /// A linked file, the identity importers link against, and the warnings its compilation gave.
    struct Linked {
        var file: ProtoFile
        var identity: Int
        var warnings: [Diagnostic]
    }

    private let lock = NSLock()
    private let parsed = ComputedOnce<Content, (FileNode, [Diagnostic])>()
    private let definitions = ComputedOnce<Content, [FileSymbols.Definition]>()
    private var linked: [LinkKey: Linked] = [:]
    private var builtIns: [String: Int] = [:]
    private var nextIdentity = 1

    public init() {}

    /// How many distinct files were parsed and linked (for benchmarks and tests).
    public var counts: (parsed: Int, linked: Int) {
        let parsedCount = parsed.count
        lock.lock(); defer { lock.unlock() }
        return (parsedCount, linked.count)
    }

    func parse(_ content: Content, _ parse: () -> (FileNode, [Diagnostic])) -> (FileNode, [Diagnostic]) {
        parsed.value(content, parse)
    }

    /// The names a file's text defines, listed once.
    func definitions(_ content: Content, _ list: () -> [FileSymbols.Definition]) -> [FileSymbols.Definition] {
        definitions.value(content, list)
    }

    func linked(_ key: LinkKey) -> Linked? {
        lock.lock(); defer { lock.unlock() }
        return linked[key]
    }

    /// Keeps a linked file and returns its identity (the first one kept when two threads linked it).
    func keep(_ key: LinkKey, file: ProtoFile, warnings: [Diagnostic]) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let existing = linked[key] { return existing.identity }
        let identity = nextIdentity
        nextIdentity += 1
        linked[key] = Linked(file: file, identity: identity, warnings: warnings)
        return identity
    }

    /// The identity of a built-in file (the same in every compilation).
    func builtIn(_ name: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let identity = builtIns[name] { return identity }
        let identity = nextIdentity
        nextIdentity += 1
        builtIns[name] = identity
        return identity
    }
}
