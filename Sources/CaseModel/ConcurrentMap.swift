import Foundation

extension Array {
    /// `transform` of each element, computed on all cores, each result in its element's place
    /// (for the CPU-bound steps of reading many cases: decoding, verifying, rendering).
    public func concurrentMap<T>(_ transform: (Element) throws -> T) -> [Result<T, any Error>] {
        withoutActuallyEscaping(transform) { transform in
            var results = [Result<T, any Error>?](repeating: nil, count: count)
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let items = self
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: items.count) { i in
                    slots[i] = Result { try transform(items[i]) }
                }
            }
            return results.map { $0 ?? .failure(NotComputed()) }
        }
    }
}

/// A slot `concurrentMap` did not fill (never expected: every iteration runs).
struct NotComputed: Error {}

/// `first` and `second` run at once, on two threads: for two independent reads of a command,
/// such as the cases' summaries and the records a dashboard's last build kept.
/// - Throws: the first's error, else the second's.
public func atOnce<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
    try withoutActuallyEscaping(first) { first in
        try withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) var a: Result<A, any Error>?
            nonisolated(unsafe) var b: Result<B, any Error>?
            nonisolated(unsafe) let (f, s) = (first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 { a = Result { try f() } } else { b = Result { try s() } }
            }
            guard let a, let b else { throw NotComputed() }
            return (try a.get(), try b.get())
        }
    }
}
