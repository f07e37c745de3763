import Foundation
import Support

/// A source file's path interned to a number for the life of the process: equal paths get equal
/// identifiers, so `SourceSpan` can compare, hash and copy a file without holding a string.
public struct SourceFileID: Sendable, Hashable {
    private let index: UInt32

    /// The identifier of `path`, interning it on first use (thread-safe).
    public init(_ path: String) {
        index = SourceFileTable.shared.intern(path)
    }

    /// The path this identifier stands for.
    public var path: String { SourceFileTable.shared.path(at: index) }
}

/// The process-wide table behind `SourceFileID`: append-only, guarded by a lock (interning happens
/// once per parsed file, reading a path only when a location is rendered).
final class SourceFileTable: Sendable {
    static let shared = SourceFileTable()

    private let table = Locked((indexes: [String: UInt32](), paths: [String]()))

    func intern(_ path: String) -> UInt32 {
        table.withLock { table in
            if let index = table.indexes[path] { return index }
            precondition(table.paths.count < Int(UInt32.max), "more than 4 billion distinct source files in one process")
            let index = UInt32(table.paths.count)
            table.paths.append(path)
            table.indexes[path] = index
            return index
        }
    }

    func path(at index: UInt32) -> String {
        table.withLock { $0.paths[Int(index)] }
    }
}
