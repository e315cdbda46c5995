/// Each agent's wrap-up end, and the earliest of them without scanning every agent (a
/// ``DeadlineHeap``).
struct WrapUpTimers: Sendable {
    private var ends: DeadlineHeap

    init(agents: Int) { ends = DeadlineHeap(count: agents) }

    /// Records the agent's wrap-up end (infinity: not in wrap-up).
    mutating func set(_ agent: Int, until end: Double) { ends.set(agent, to: end) }

    /// The earliest wrap-up end, or infinity.
    mutating func earliest() -> Double { ends.earliest() }

    /// Agents whose wrap-up ends at or before `now`, in agent order. Their entries leave the heap;
    /// `keep(_:)` puts back an agent still in wrap-up afterwards.
    mutating func due(at now: Double) -> [Int] {
        var agents: [Int] = []
        while let agent = ends.popDue(at: now) { agents.append(agent) }
        guard agents.count > 1 else { return agents }
        agents.sort()
        var unique: [Int] = []
        for agent in agents where unique.last != agent { unique.append(agent) }
        return unique
    }

    /// Puts an agent back in the heap if they are still in wrap-up.
    mutating func keep(_ agent: Int) { ends.reinsert(agent) }
}
