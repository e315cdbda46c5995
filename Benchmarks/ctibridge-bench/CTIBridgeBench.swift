import ArgumentParser

/// `ctibridge-bench`: CTIBridge's benchmarks, one subcommand each. Results go in BENCHMARKS.md.
@main
struct CTIBridgeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctibridge-bench",
        abstract: "CTIBridge benchmarks (build with -c release).",
        subcommands: [
            AMIParseBenchmark.self, ACDRouteBenchmark.self, IVRStepsBenchmark.self, IVRDTMFBenchmark.self,
            WSFanOutBenchmark.self, CTILoadBenchmark.self, CTILoadDriver.self, CRMLookupBenchmark.self, TicketCreateBenchmark.self, SoakBenchmark.self,
            FlowDecodeBenchmark.self,
        ]
    )
}
