import Foundation
import ProtoModel
import Support

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
public final class CompileCache: Sendable {
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

    /// What the cache's lock guards.
    private struct State {
        var linked: [LinkKey: Linked] = [:]
        var builtIns: [String: Int] = [:]
        var nextIdentity = 1
        /// The versions still to list their texts (nil: keep every tree).
        var versionsToAnnounce: Int?
        /// For each listed text: how many versions listed it, and how many have built it.
        var uses: [Content: (listed: Int, built: Int)] = [:]

        /// A fresh identity for a linked or built-in file.
        mutating func newIdentity() -> Int {
            defer { nextIdentity += 1 }
            return nextIdentity
        }
    }

    private let parsed = ComputedOnce<Content, (FileNode, [Diagnostic])>()
    private let definitions = ComputedOnce<Content, [FileSymbols.Definition]>()
    private let state = Locked(State())

    public init() {}

    /// How many distinct files were parsed and linked (for benchmarks and tests).
    public var counts: (parsed: Int, linked: Int) {
        (parsed.computedCount, state.withLock { $0.linked.count })
    }

    /// How many parse trees are held now (for tests).
    var treesHeld: Int { parsed.count }

    /// Tells the cache that `count` versions will load through it, each listing its texts once
    /// (`announce`); trees are let go only after the last one has.
    public func expectVersions(_ count: Int) {
        state.withLock { $0.versionsToAnnounce = count }
    }

    /// The texts a version will build; `firstOfVersion` for its first list (a version lists its
    /// files a window at a time).
    func announce(_ contents: [Content], firstOfVersion: Bool) {
        let released = state.withLock { state -> [Released] in
            var released: [Released] = []
            for content in contents { state.uses[content, default: (0, 0)].listed += 1 }
            if firstOfVersion, let remaining = state.versionsToAnnounce, remaining > 0 {
                state.versionsToAnnounce = remaining - 1
                if remaining == 1 {
                    for (content, use) in state.uses where use.built >= use.listed { released.append(release(content, &state)) }
                }
            }
            return released
        }
        // `released` is freed here, on the compiling thread, after the lock: its memory is reused by
        // this thread's next allocations (handed to another thread, which on two busy cores ran only
        // at the end, the trees all stayed to the peak: more pages touched, more page faults).
        withExtendedLifetime(released) {}
    }

    /// A version has built a text it listed: its tree goes when no version needs it any more.
    func finished(_ content: Content) {
        let released = state.withLock { state -> [Released] in
            guard var use = state.uses[content] else { return [] }
            use.built += 1
            state.uses[content] = use
            return state.versionsToAnnounce == 0 && use.built >= use.listed ? [release(content, &state)] : []
        }
        // Freed here, after the lock (see `announce`).
        withExtendedLifetime(released) {}
    }

    /// What the cache let go of, freed by the thread that let it go.
    struct Released: Sendable {
        let tree: (FileNode, [Diagnostic])?
        let definitions: [FileSymbols.Definition]?
    }

    /// Takes a text's tree and names out of the cache (the lock is held).
    private func release(_ content: Content, _ state: inout State) -> Released {
        state.uses[content] = nil
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
        state.withLock { $0.linked[key] }
    }

    /// Keeps a linked file and returns its identity (the first one kept when two threads linked it).
    func keep(_ key: LinkKey, file: ProtoFile, warnings: [Diagnostic]) -> Int {
        state.withLock { state in
            if let existing = state.linked[key] { return existing.identity }
            let identity = state.newIdentity()
            state.linked[key] = Linked(file: file, identity: identity, warnings: warnings)
            return identity
        }
    }

    /// The identity of a built-in file (the same in every compilation).
    func builtIn(_ name: String) -> Int {
        state.withLock { state in
            if let identity = state.builtIns[name] { return identity }
            let identity = state.newIdentity()
            state.builtIns[name] = identity
            return identity
        }
    }
}
