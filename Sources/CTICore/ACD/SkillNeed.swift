/// A ``SkillRequirement`` with its skill interned to the engine's integer id (-1: a skill no
/// agent holds), so that checking an agent reads an array instead of hashing a name.
struct SkillNeed: Sendable, Hashable {
    var skill: Int
    var minimumLevel: Int
}

extension ACDEngine {
    /// The requirements with their skills interned.
    func intern(_ requirements: [SkillRequirement]) -> [SkillNeed] {
        requirements.map { SkillNeed(skill: skillIDs[$0.skill] ?? -1, minimumLevel: $0.minimumLevel) }
    }

    /// The interned skills of each step, nil where the step keeps the call's own.
    func intern(steps: [RoutingStep]) -> [[SkillNeed]?] {
        steps.map { $0.skills.map { intern($0) } }
    }

    /// Whether the agent meets every skill need in force for the caller (inline in the summary
    /// unless there are more than two; then the record in `slot` has them).
    func meets(_ agent: Int, _ caller: CallSummary, slot: Int) -> Bool {
        guard caller.needsInline else { return meets(agent, calls[slot: slot]?.needsInForce ?? []) }
        let base = agent * skillIDs.count
        func level(_ need: SkillNeed) -> Int { need.skill >= 0 ? skillLevels[base + need.skill] : 0 }
        if caller.needCount > 0, level(caller.firstNeed) < caller.firstNeed.minimumLevel { return false }
        if caller.needCount > 1, level(caller.secondNeed) < caller.secondNeed.minimumLevel { return false }
        return true
    }

    /// Whether the agent meets every need (an agent without a skill holds it at level 0).
    func meets(_ agent: Int, _ needs: [SkillNeed]) -> Bool {
        let base = agent * skillIDs.count
        for need in needs {
            let level = need.skill >= 0 ? skillLevels[base + need.skill] : 0
            guard level >= need.minimumLevel else { return false }
        }
        return true
    }
}
