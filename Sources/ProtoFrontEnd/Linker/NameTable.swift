import Foundation
import ProtoModel
import Support

/// Full names to symbols, found by their `ContentHasher` digests in `DigestSlots`, and looked up
/// either by a name or by a scope and a name without joining them into a string first (resolving a
/// reference tries a candidate in every enclosing scope: building each candidate cost an allocation
/// and a UTF-8 validation, some 700 instructions). A lookup compares the bytes of every name whose
/// digest matches, so a collision costs a comparison, never a wrong answer.
struct NameTable: Sendable {
    /// The names in insertion order as their keys keep them (a scope and a last part, the scope
    /// empty for a name kept whole), with their digests and symbols.
    private var scopes: [String] = []
    private var leaves: [String] = []
    private var digests: [UInt64] = []
    private(set) var symbols: [Symbol] = []
    private var slots = DigestSlots()

    var count: Int { leaves.count }

    /// The full name at `position` (the stored string itself for a name kept whole).
    func name(at position: Int) -> String {
        scopes[position].isEmpty ? leaves[position] : FullName.join(scopes[position], leaves[position])
    }

    /// Room for `count` more names without growing on the way.
    mutating func reserve(_ count: Int) {
        let wanted = leaves.count + count
        scopes.reserveCapacity(wanted)
        leaves.reserveCapacity(wanted)
        digests.reserveCapacity(wanted)
        symbols.reserveCapacity(wanted)
        slots.reserve(wanted, digests: digests)
    }

    /// The position of `key`'s name, if present.
    func position(of key: SymbolKey) -> Int? {
        slots.position(of: key.digest, digests: digests) { storedName(at: $0, equals: Substring(key.scope), Substring(key.leaf)) }
    }

    /// The position of `scope.name` (or `name` alone when `scope` is nil or empty), if present.
    func position(scope: Substring?, name: Substring) -> Int? {
        // The digest's closure captures nothing of the table: capturing it retained and released its arrays per call.
        let digest = Self.withJoined(scope, name) { Self.digest($0) }
        return slots.position(of: digest, digests: digests) { storedName(at: $0, equals: scope, name) }
    }

    /// Adds a name that is not present (`position(of:)` is nil).
    mutating func insert(_ key: SymbolKey, _ symbol: Symbol) {
        scopes.append(key.scope)
        leaves.append(key.leaf)
        digests.append(key.digest)
        symbols.append(symbol)
        slots.insert(at: leaves.count - 1, digests: digests)
    }

    /// The digest `SymbolKey` gives the same bytes.
    static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// `scope.name` written into a stack buffer, passed to `body`.
    static func withJoined<R>(_ scope: Substring?, _ name: Substring, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var scope = scope ?? ""
        var name = name
        return scope.withUTF8 { head in
            name.withUTF8 { tail in
                let dot = head.isEmpty ? 0 : 1
                return withUnsafeTemporaryAllocation(byteCount: head.count + dot + tail.count, alignment: 1) { buffer in
                    if !head.isEmpty {
                        buffer.baseAddress!.copyMemory(from: head.baseAddress!, byteCount: head.count)
                        buffer[head.count] = UInt8(ascii: ".")
                    }
                    if !tail.isEmpty {
                        (buffer.baseAddress! + head.count + dot).copyMemory(from: tail.baseAddress!, byteCount: tail.count)
                    }
                    return body(UnsafeRawBufferPointer(buffer))
                }
            }
        }
    }

    /// Whether the name at `position` is `scope.name` (`name` alone for a nil or empty scope).
    private func storedName(at position: Int, equals scope: Substring?, _ name: Substring) -> Bool {
        if scopes[position].isEmpty { return Self.equal(leaves[position], scope: scope, name: name) }
        // A name kept in parts: compared as the joined bytes, written on the stack.
        return Self.withJoined(Substring(scopes[position]), Substring(leaves[position])) { stored in
            Self.withJoined(scope, name) { wanted in
                stored.count == wanted.count && (stored.isEmpty || memcmp(stored.baseAddress!, wanted.baseAddress!, stored.count) == 0)
            }
        }
    }

    /// Whether `stored` is `scope.name` (`name` alone for a nil or empty scope), compared as bytes.
    static func equal(_ stored: String, scope: Substring?, name: Substring) -> Bool {
        let scopeCount = scope?.utf8.count ?? 0
        let dot = scopeCount == 0 ? 0 : 1
        guard stored.utf8.count == scopeCount + dot + name.utf8.count else { return false }
        var stored = stored
        var scope = scope ?? ""
        var name = name
        return stored.withUTF8 { whole in
            scope.withUTF8 { head in
                name.withUTF8 { tail in
                    if !head.isEmpty {
                        guard memcmp(whole.baseAddress!, head.baseAddress!, head.count) == 0,
                            whole[head.count] == UInt8(ascii: ".")
                        else { return false }
                    }
                    return tail.isEmpty || memcmp(whole.baseAddress! + head.count + dot, tail.baseAddress!, tail.count) == 0
                }
            }
        }
    }
}
