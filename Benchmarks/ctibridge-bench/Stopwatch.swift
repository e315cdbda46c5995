#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which time a benchmark reports.
enum Stopwatch: String, CaseIterable {
    /// CPU time of the calling thread: what one core spent, even when other processes share the machine.
    case cpu
    /// Elapsed wall-clock time.
    case wall

    /// Seconds that `body` took by this stopwatch.
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    private func now() -> Double {
        var time = timespec()
        clock_gettime(self == .cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
