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
