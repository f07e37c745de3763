import Foundation
import ProtoModel

/// Compiled files shared by every compilation that uses the same cache: a file with the same path and
/// bytes is parsed once, and linked once for each set of imports it was linked against. A changelog or
/// matrix compiles hundreds of versions of a tree in which most files never change (LiveKit's 211
/// protocol tags hold 3,679 files, 746 distinct). Only files that compiled without errors are kept.
///
/// Parse trees are the bulk of what a cache holds. Told how many versions load through it
/// (`expectVersions`), the cache lets go of a text's tree and names once every version that listed
/// the text (`announce`) has built it (`finished`) and no version is left to list it: two versions
/// that share nothing hold no trees beyond the files being linked (the 44k-line synthetic pair:
/// 92 -> about 70 MiB). A text asked for again after that is parsed again; nothing else changes.
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
            var hasher = ContentHasher()
            hasher.combine(bytes)
            bytesHash = Int(truncatingIfNeeded: hasher.finalize())
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(bytesHash)
        }

        static func == (a: Content, b: Content) -> Bool {
            a.bytesHash == b.bytesHash && a.name == b.name && Self.sameBytes(a.bytes, b.bytes)
        }

        /// Byte arrays compared by `memcmp`: `==` on `[UInt8]` compares element by element, and every
        /// cache hit compares a whole file (a 211-version matrix: 10,000 hits, 270 M instructions).
        static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            guard a.count == b.count else { return false }
            return a.withUnsafeBytes { x in
                b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
            }
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
    /// The versions still to list their texts (nil: keep every tree).
    private var versionsToAnnounce: Int?
    /// For each listed text: how many versions listed it, and how many have built it.
    private var uses: [Content: (listed: Int, built: Int)] = [:]

    public init() {}

    /// How many distinct files were parsed and linked (for benchmarks and tests).
    public var counts: (parsed: Int, linked: Int) {
        let parsedCount = parsed.computedCount
        lock.lock(); defer { lock.unlock() }
        return (parsedCount, linked.count)
    }

    /// How many parse trees are held now (for tests).
    var treesHeld: Int { parsed.count }

    /// Tells the cache that `count` versions will load through it, each listing its texts once
    /// (`announce`); trees are let go only after the last one has.
    public func expectVersions(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        versionsToAnnounce = count
    }

    /// The texts a version will build; `firstOfVersion` for its first list (a version lists its
    /// files a window at a time).
    func announce(_ contents: [Content], firstOfVersion: Bool) {
        var released: [Released] = []
        lock.lock()
        for content in contents { uses[content, default: (0, 0)].listed += 1 }
        if firstOfVersion, let remaining = versionsToAnnounce, remaining > 0 {
            versionsToAnnounce = remaining - 1
            if remaining == 1 {
                for (content, use) in uses where use.built >= use.listed { released.append(release(content)) }
            }
        }
        lock.unlock()
        // `released` is freed here, on the compiling thread, after the lock: its memory is reused by
        // this thread's next allocations (handed to another thread, which on two busy cores ran only
        // at the end, the trees all stayed to the peak: more pages touched, more page faults).
        withExtendedLifetime(released) {}
    }

    /// A version has built a text it listed: its tree goes when no version needs it any more.
    func finished(_ content: Content) {
        var released: [Released] = []
        lock.lock()
        if var use = uses[content] {
            use.built += 1
            uses[content] = use
            if versionsToAnnounce == 0, use.built >= use.listed { released.append(release(content)) }
        }
        lock.unlock()
        // Freed here, after the lock (see `announce`).
        withExtendedLifetime(released) {}
    }

    /// What the cache let go of, freed by the thread that let it go.
    struct Released: Sendable {
        let tree: (FileNode, [Diagnostic])?
        let definitions: [FileSymbols.Definition]?
    }

    /// Takes a text's tree and names out of the cache (the lock is held).
    private func release(_ content: Content) -> Released {
        uses[content] = nil
        return Released(tree: parsed.remove(content), definitions: definitions.remove(content))
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
