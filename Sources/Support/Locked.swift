import Foundation

/// A value that several threads share, reached only while holding its lock: the one place the
/// project pairs a lock with the state it guards (caches, tables, result slots), so no other type
/// needs `@unchecked Sendable`.
public final class Locked<State>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var state: State

    public init(_ state: State) {
        self.state = state
    }

    /// Runs `body` on the state with the lock held; keep it short (no compiling, no I/O).
    @inlinable
    public func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
