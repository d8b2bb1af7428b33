import Document
import Foundation
import XCTest

final class WorkerThreadsTests: XCTestCase {
    /// Every index runs exactly once, whatever the thread count.
    func testEveryIndexRunsOnce() {
        for threads in [1, 2, 7, 64] {
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 1_000)
            counts.initialize(repeating: 0)
            defer { counts.deallocate() }
            let lock = NSLock()
            WorkerThreads.perform(iterations: 1_000, threads: threads) { index in
                lock.lock()
                counts[index] += 1
                lock.unlock()
            }
            XCTAssertEqual(Array(counts), Array(repeating: 1, count: 1_000), "\(threads) threads")
        }
        var ran = false
        WorkerThreads.perform(iterations: 0, threads: 4) { _ in ran = true }
        XCTAssertFalse(ran)
    }

    /// Recursion that needs far more than Dispatch's 8 MiB worker stacks: 2,000 frames of 16 KiB
    /// (32 MiB) on each of two threads.
    func testWorkersHaveLargeStacks() {
        func descend(_ depth: Int) -> Int {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 << 10) { buffer in
                buffer.initialize(repeating: UInt8(truncatingIfNeeded: depth))
                return depth == 0 ? Int(buffer[0]) : descend(depth - 1) + Int(buffer[buffer.count - 1] & 1)
            }
        }
        let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        defer { results.deallocate() }
        WorkerThreads.perform(iterations: 2, threads: 2) { index in results[index] = descend(2_000) }
        XCTAssertEqual(Array(results), [1_000, 1_000])
        var single = 0
        WorkerThreads.run { single = descend(2_000) }
        XCTAssertEqual(single, 1_000)
    }
}
