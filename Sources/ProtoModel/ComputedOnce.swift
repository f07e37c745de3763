import Foundation

/// Values computed once per key and shared between threads: the first caller computes (outside the
/// lock, so callers never wait on each other's work), later callers get the kept value. Two threads
/// asking for a new key at once may both compute it; the first value kept wins.
public final class ComputedOnce<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var kept = 0

    public init() {}

    /// The value for `key`, computed by `make` the first time.
    public func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let value = values[key] { lock.unlock(); return value }
        lock.unlock()
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let first = values[key] { return first }
        values[key] = value
        kept += 1
        return value
    }

    /// How many values are kept.
    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return values.count
    }

    /// How many values were ever kept (removed ones included).
    public var computedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return kept
    }

    /// Lets go of the value for `key` and returns it: the next caller computes it again.
    @discardableResult
    public func remove(_ key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return values.removeValue(forKey: key)
    }
}
