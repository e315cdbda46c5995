import Foundation

/// Files the benchmarks find relative to this source file, so they run from any directory.
enum BenchmarkPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ctibridge-bench
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()

    static let capture = packageRoot.appendingPathComponent("Tests/Fixtures/ami-queue-call.raw").path
    static let mainMenuFlow = packageRoot.appendingPathComponent("Samples/ivr/main-menu.json").path
    static let panoramiskDriver = packageRoot.appendingPathComponent("Benchmarks/peers/panoramisk_parse.py").path
}
