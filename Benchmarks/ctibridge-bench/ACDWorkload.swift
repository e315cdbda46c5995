import CTICore

/// The contact centre the `acd-route` benchmark routes for: queues, agents, and the callers' mix.
///
/// Queues come in groups of five that share a skill ("sales", "billing", …) and a language; an
/// agent works the five queues of one group at penalties 0-3 and one queue elsewhere at penalty 2.
/// Strategies rotate through leastrecent, rrmemory, wrandom, fewestcalls, with a few random,
/// linear and ringall queues. Some queues have weights, penalty rules, aging, routing steps that
/// relax the caller's skills, overflow, sticky agents and auto-pause.
struct ACDWorkload {
    static let skills = ["sales", "billing", "tech", "retention", "claims"]
    static let languages = ["lang.en", "lang.fr", "lang.de", "lang.es"]

    let configuration: ACDConfiguration
    /// Per queue: the skill its callers may need.
    let queueSkill: [String]
    let queueLanguage: [String]
    /// Queue ids, by index.
    let queueIDs: [QueueID]
    let agentIDs: [AgentID]

    init(agents agentCount: Int, queues queueCount: Int, seed: UInt64) {
        var random = BenchmarkRandom(seed: seed)
        let groupSize = 5
        let groups = max(1, queueCount / groupSize)
        var queues: [QueueConfiguration] = []
        var queueSkill: [String] = []
        var queueLanguage: [String] = []
        for index in 0..<queueCount {
            let id = QueueID(Self.name("q", index, digits: 3))
            let strategy = Self.strategy(for: index)
            var queue = QueueConfiguration(
                id: id, strategy: strategy, weight: index % 10 == 0 ? 2 : (index % 7 == 0 ? 1 : 0), ringTimeout: 15,
                wrapUp: Double([5, 10, 15, 20][index % 4]), autoPause: index % 9 == 0 ? .yes : .no, autoPauseAfterMisses: 3,
                serviceLevelThreshold: 20)
            let skill = Self.skills[(index / groupSize) % Self.skills.count]
            let language = Self.languages[(index / groupSize / Self.skills.count) % Self.languages.count]
            if index % 3 == 0 {
                // Bullseye: the caller's own skills first, any member after 30 s.
                queue.routingSteps = [RoutingStep(after: 0), RoutingStep(after: 30, skills: [])]
            }
            if index % 4 == 1 {
                queue.penaltyRules = [PenaltyRule(after: 20, maximum: .relative(1)), PenaltyRule(after: 45, maximum: .relative(1))]
            }
            if index % 5 == 2 { queue.aging = .init(interval: 30) }
            if index % 8 == 3 { queue.stickyAgent = true }
            if index % 11 == 4 {
                // Overflow to the group's next queue after two minutes.
                let target = (index / groupSize) * groupSize + (index % groupSize + 1) % groupSize
                if target < queueCount, target != index { queue.overflow = .init(to: QueueID(Self.name("q", target, digits: 3)), after: 120) }
            }
            queues.append(queue)
            queueSkill.append(skill)
            queueLanguage.append(language)
        }

        var agents: [AgentConfiguration] = []
        for index in 0..<agentCount {
            let group = index % groups
            var memberships: [AgentConfiguration.Membership] = []
            for offset in 0..<groupSize where group * groupSize + offset < queueCount {
                memberships.append(.init(QueueID(Self.name("q", group * groupSize + offset, digits: 3)), penalty: random.int(0..<4)))
            }
            let extra = random.int(0..<queueCount)
            if extra / groupSize != group {
                memberships.append(.init(QueueID(Self.name("q", extra, digits: 3)), penalty: 2))
            }
            var skills: [String: Int] = [:]
            skills[Self.skills[group % Self.skills.count]] = random.int(3..<11)
            let second = Self.skills[random.int(0..<Self.skills.count)]
            if skills[second] == nil { skills[second] = random.int(1..<7) }
            skills[Self.languages[(group / Self.skills.count) % Self.languages.count]] = random.int(4..<11)
            if random.chance(0.3) { skills[Self.languages[random.int(0..<Self.languages.count)]] = random.int(1..<11) }
            agents.append(AgentConfiguration(id: AgentID(Self.name("a", index, digits: 4)), memberships: memberships, skills: skills))
        }
        configuration = ACDConfiguration(queues: queues, agents: agents, randomSeed: seed)
        self.queueSkill = queueSkill
        self.queueLanguage = queueLanguage
        queueIDs = queues.map(\.id)
        agentIDs = agents.map(\.id)
    }

    /// leastrecent, rrmemory, wrandom, fewestcalls in turn; every 25th queue random, linear or ringall.
    static func strategy(for index: Int) -> RoutingStrategy {
        switch index % 25 {
        case 7: return .random
        case 14: return .linear
        case 21: return .ringAll
        default: return [.leastRecent, .roundRobinMemory, .weightedRandom, .fewestCalls][index % 4]
        }
    }

    /// Strategies and how many queues use each, for the report.
    func strategyMix() -> String {
        var counts: [RoutingStrategy: Int] = [:]
        for queue in configuration.queues { counts[queue.strategy, default: 0] += 1 }
        return RoutingStrategy.allCases.compactMap { strategy in counts[strategy].map { "\(strategy.rawValue) \($0)" } }
            .joined(separator: ", ")
    }

    static func name(_ prefix: String, _ number: Int, digits: Int) -> String {
        let text = String(number)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
