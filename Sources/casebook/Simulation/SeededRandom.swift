import CasebookEngine
/// SplitMix64: a small, fast generator whose whole output follows from its seed, so a simulated
/// service centre is the same every time it is played with the same seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p` (0…1).
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One of `weighted` items, each drawn in proportion to its weight.
    mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var n = Int.random(in: 0..<max(total, 1), using: &self)
        for (item, weight) in weighted {
            if n < weight { return item }
            n -= weight
        }
        return weighted[weighted.count - 1].0
    }

    /// One element of a non-empty array.
    mutating func element<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// A whole number of minutes between `low` and `high`, as seconds.
    mutating func minutes(_ low: Int, _ high: Int) -> Int { Int.random(in: low...max(low, high), using: &self) * 60 }
}
