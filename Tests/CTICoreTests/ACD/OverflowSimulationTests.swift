import CTICore
import Testing

@Suite("ACD simulation with skills and overflow")
struct OverflowSimulationTests {
    @Test("billing callers need billing ≥ 7, relaxed to ≥ 4 after 15 s, and overflow to general after 30 s, where they are answered")
    func skillsAndOverflow() async throws {
        let overflowAfter = 30.0
        let billing = QueueConfiguration(
            id: "billing",
            routingSteps: [
                RoutingStep(skills: [SkillRequirement("billing", atLeast: 7)]),
                RoutingStep(after: 15, skills: [SkillRequirement("billing", atLeast: 4)]),
            ],
            overflow: .init(to: "general", after: overflowAfter))
        let general = QueueConfiguration(id: "general")
        var agents = (0..<3).map { AgentConfiguration(id: AgentID("senior\($0)"), memberships: [member("billing")], skills: ["billing": 8]) }
        agents.append(AgentConfiguration(id: "junior", memberships: [member("billing")], skills: ["billing": 5]))
        agents += (0..<6).map { AgentConfiguration(id: AgentID("general\($0)"), memberships: [member("general")]) }
        var engine = try ACDEngine(configuration: ACDConfiguration(queues: [billing, general], agents: agents))
        for agent in agents { _ = try engine.handle(.login(agent.id), at: 0) }

        let averageHandleTime = 180.0
        var simulation = CallCentreSimulation(
            engine: engine,
            streams: [
                .init(queue: "billing", callsPerSecond: 3.6 / averageHandleTime),
                .init(queue: "general", callsPerSecond: 3.0 / averageHandleTime),
            ],
            averageHandleTime: averageHandleTime, seed: 99, keepLog: true)
        let total = 20_000
        try await simulation.run(calls: total)

        var arrivedAt: [CallID: Double] = [:]
        var overflowedAt: [CallID: Double] = [:]
        var connected: [CallID: (at: Double, agent: AgentID, queue: QueueID)] = [:]
        for (time, decision) in simulation.decisions {
            switch decision {
            case .queued(let call, "billing", _): arrivedAt[call] = time
            case .overflow(let call, "billing", "general"): overflowedAt[call] = time
            case .connect(let call, let agent, let queue): connected[call] = (time, agent, queue)
            default: break
            }
        }
        #expect(connected.count == total)
        #expect(overflowedAt.count > total / 100, "only \(overflowedAt.count) overflows")
        for (call, time) in overflowedAt {
            let arrival = try #require(arrivedAt[call])
            #expect(abs(time - arrival - overflowAfter) < 1e-9)
            #expect(connected[call]?.queue == "general")
        }
        var juniorBeforeRelaxation = 0
        var billingAnsweredLate = 0
        for (call, arrival) in arrivedAt where overflowedAt[call] == nil {
            let answer = try #require(connected[call])
            #expect(answer.queue == "billing")
            #expect(answer.agent.rawValue.hasPrefix("senior") || answer.agent == "junior")
            if answer.agent == "junior" && answer.at - arrival < 15 { juniorBeforeRelaxation += 1 }
            if answer.at - arrival > overflowAfter { billingAnsweredLate += 1 }
        }
        #expect(juniorBeforeRelaxation == 0)
        #expect(billingAnsweredLate == 0)
        #expect(connected.values.contains { $0.agent == "junior" })

        let billingStats = try #require(simulation.engine.statistics(ofQueue: "billing"))
        let generalStats = try #require(simulation.engine.statistics(ofQueue: "general"))
        #expect(billingStats.overflowed == overflowedAt.count)
        #expect(billingStats.offered == arrivedAt.count)
        #expect(generalStats.offered == total - arrivedAt.count + overflowedAt.count)
        #expect(billingStats.answered + generalStats.answered == total)
        print("overflow simulation: \(arrivedAt.count) billing calls, \(overflowedAt.count) overflowed, billing SL \(billingStats.serviceLevel() ?? -1), general SL \(generalStats.serviceLevel() ?? -1)")
    }
}
