import CTICore
import Testing

@Suite("ACD simulation against Erlang C")
struct ErlangSimulationTests {
    @Test("100,000 Poisson calls, exponential handle times, leastrecent: service level within 1.5 pp of Erlang C")
    func serviceLevelMatchesErlangC() async throws {
        let agentCount = 14
        let traffic = 10.0
        let averageHandleTime = 180.0
        let threshold = 20.0
        let queue = QueueConfiguration(id: "q", strategy: .leastRecent, serviceLevelThreshold: threshold)
        let agents = (0..<agentCount).map { AgentConfiguration(id: AgentID("a\($0)"), memberships: [member("q")]) }
        var engine = try ACDEngine(configuration: ACDConfiguration(queues: [queue], agents: agents, interval: .hour))
        for agent in agents { _ = try engine.handle(.login(agent.id), at: 0) }

        var simulation = CallCentreSimulation(
            engine: engine, streams: [.init(queue: "q", callsPerSecond: traffic / averageHandleTime)],
            averageHandleTime: averageHandleTime, seed: 2_024)
        try await simulation.run(calls: 100_000)

        let statistics = try #require(simulation.engine.statistics(ofQueue: "q"))
        #expect(statistics.offered == 100_000)
        #expect(statistics.answered == 100_000)
        #expect(statistics.abandoned == 0)
        let measured = try #require(statistics.serviceLevel())
        let predicted = try ErlangC(traffic: traffic, averageHandleTime: averageHandleTime).serviceLevel(agents: agentCount, threshold: threshold)
        print("Erlang C simulation: measured SL \(measured), Erlang C \(predicted), ASA \(statistics.averageSpeedOfAnswer ?? -1), AHT \(statistics.averageHandleTime ?? -1)")
        #expect(abs(measured - predicted) <= 0.015, "measured \(measured) vs Erlang C \(predicted)")
        // Occupancy from the agents' state times is close to A / N.
        var handling = AgentStatistics()
        for agent in agents { handling.add(try #require(simulation.engine.statistics(ofAgent: agent.id))) }
        let occupancy = try #require(handling.occupancy)
        #expect(abs(occupancy - traffic / Double(agentCount)) <= 0.02, "occupancy \(occupancy)")
    }
}
