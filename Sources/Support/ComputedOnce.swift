import Foundation

/// Values computed once per key and shared between threads: the first caller computes (outside the
/// lock, so callers never wait on each other's work), later callers get the kept value. Two threads
/// asking for a new key at once may both compute it; the first value kept wins.
public final class ComputedOnce<Key: Hashable, Value>: Sendable {
    private let store = Locked((values: [Key: Value](), kept: 0))

    public init() {}

    /// The value for `key`, computed by `make` the first time.
    public func value(_ key: Key, _ make: () -> Value) -> Value {
        if let value = store.withLock({ $0.values[key] }) { return value }
        let value = make()
        return store.withLock { store in
            if let first = store.values[key] { return first }
            store.values[key] = value
            store.kept += 1
            return value
        }
    }

    /// How many values are kept.
    public var count: Int {
        store.withLock { $0.values.count }
    }

    /// How many values were ever kept (removed ones included).
    public var computedCount: Int {
        store.withLock { $0.kept }
    }

    /// Lets go of the value for `key` and returns it: the next caller computes it again.
    @discardableResult
    public func remove(_ key: Key) -> Value? {
        store.withLock { $0.values.removeValue(forKey: key) }
    }
}
