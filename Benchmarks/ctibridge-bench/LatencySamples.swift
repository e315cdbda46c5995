#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-call latencies in nanoseconds, timed with the monotonic clock, and their percentiles.
struct LatencySamples {
    private(set) var nanoseconds: [UInt64] = []

    init(capacity: Int) { nanoseconds.reserveCapacity(capacity) }

    var count: Int { nanoseconds.count }
    var totalSeconds: Double { Double(nanoseconds.reduce(0, &+)) / 1e9 }

    mutating func append(_ value: UInt64) { nanoseconds.append(value) }

    /// The monotonic clock in nanoseconds (vDSO on Linux, so cheap enough to read around each call).
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Nearest-rank percentiles (`0.5`, `0.99`, …) and the maximum, in microseconds.
    func summary(_ fractions: [Double]) -> (percentiles: [Double], max: Double) {
        guard !nanoseconds.isEmpty else { return (fractions.map { _ in .nan }, .nan) }
        let sorted = nanoseconds.sorted()
        let values = fractions.map { fraction in
            let rank = Int((fraction * Double(sorted.count)).rounded(.up))
            return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1000
        }
        return (values, Double(sorted[sorted.count - 1]) / 1000)
    }
}
