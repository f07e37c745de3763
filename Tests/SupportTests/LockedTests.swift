import Foundation
import Support
import Testing

/// `Locked` and `ParallelMap`, the two ways work is shared between threads.
struct LockedTests {
    @Test func everyChangeMadeUnderTheLockIsKept() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 10_000) { _ in counter.withLock { $0 += 1 } }
        #expect(counter.withLock { $0 } == 10_000)
    }

    @Test func parallelMapKeepsTheOrderOfItsItems() {
        let items = Array(0..<1_000)
        #expect(ParallelMap.run(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ParallelMap.run([Int]()) { $0 }.isEmpty)
    }

    @Test func aValueIsComputedOnceAndKept() {
        let values = ComputedOnce<String, Int>()
        let calls = Locked(0)
        for _ in 0..<3 {
            #expect(
                values.value("a") {
                    calls.withLock { $0 += 1 }
                    return 7
                } == 7)
        }
        #expect(calls.withLock { $0 } == 1)
        #expect(values.remove("a") == 7)
        #expect(values.count == 0)
    }
}
