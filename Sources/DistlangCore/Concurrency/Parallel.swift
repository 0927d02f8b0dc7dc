import Foundation

/// Runs independent pieces of work on threads of their own, with stacks large enough for the
/// recursive stages (Dispatch's worker threads have small stacks).
public enum Parallel {
    /// Calls `body(i)` for every `i` in `0..<count` and returns the results in order. With one item
    /// (or one processor) it runs on the calling thread.
    public static func map<T>(_ count: Int, stackSize: Int = 256 << 20, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return (0..<count).map(body) }
        let results = ResultSlots<T>(count)
        let next = Counter()
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                while let i = next.take(below: count) { results.set(i, body(i)) }
                done.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        done.wait()
        return results.values()
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    private final class ResultSlots<T>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()

        init(_ count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: T) {
            lock.lock()
            slots[i] = value
            lock.unlock()
        }

        func values() -> [T] { slots.map { $0! } }
    }
}
