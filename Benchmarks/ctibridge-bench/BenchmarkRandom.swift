import CTICore
import Foundation

/// Draws for the benchmark drivers, from the engine's own seeded generator so a run can be replayed.
struct BenchmarkRandom: RandomNumberGenerator {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// A uniform draw in [0, 1).
    mutating func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    /// A uniform integer in `range`.
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }

    /// A uniform draw in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// An exponential variate with this mean.
    mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }
}
