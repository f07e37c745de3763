import Foundation

/// Runs a transform over items on all cores, keeping their order.
public enum ParallelMap {
    public static func run<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let box = Box<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in box.set(index, transform(items[index])) }
        return box.values()
    }

    final class Box<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: R) { lock.lock(); storage[index] = value; lock.unlock() }
        func values() -> [R] { lock.lock(); defer { lock.unlock() }; return storage.map { $0! } }
    }
}
