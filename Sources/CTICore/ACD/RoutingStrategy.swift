/// How a queue chooses among its eligible members (Asterisk app_queue names and meanings).
///
/// Members are ranked by the pair (penalty, metric), lowest first; ties go to the member idle
/// longest, then the earlier login, then the name. The metric per strategy:
/// - ``leastRecent``: 10⁶ − seconds since the agent's last call ended; never called = 0 (first).
/// - ``fewestCalls``: calls completed in this queue today (day = ⌊t / 86 400⌋).
/// - ``random``: `rand % 1000`.
/// - ``weightedRandom``: `rand % ((1 + penalty) · 1000)`, and the penalty is *not* a tier: every
///   eligible member competes, a member with penalty p draws from a range p + 1 times wider and so
///   wins less often (penalty 0 vs 1 → about 75 % vs 25 %).
/// - ``roundRobinMemory``: member position, with positions before the queue's remembered spot
///   pushed behind the others; the spot moves past each member tried.
/// - ``linear``: the same, but the spot belongs to the caller and starts at the first member.
/// - ``ringAll``: every eligible member of the lowest penalty tier rings at once.
public enum RoutingStrategy: String, Sendable, Hashable, CaseIterable, Codable {
    case ringAll = "ringall"
    case leastRecent = "leastrecent"
    case fewestCalls = "fewestcalls"
    case roundRobinMemory = "rrmemory"
    case linear
    case random
    case weightedRandom = "wrandom"
}
