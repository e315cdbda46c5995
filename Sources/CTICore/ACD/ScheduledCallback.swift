/// A callback asked for outside a queue (an IVR's callback node, or one stored before a restart):
/// it enters the queue with no caller on the line, already a callback, in line from when it was
/// asked for. When its turn comes the agent is connected first, then `number` is dialled.
public struct ScheduledCallback: Sendable, Hashable, Codable {
    /// The call, for its whole life.
    public var id: CallID
    /// The queue it waits in.
    public var queue: QueueID
    /// The customer's number to dial.
    public var number: String
    /// Base priority; higher is served first.
    public var priority: Int
    /// Skills the agent needs.
    public var skills: [SkillRequirement]
    /// When it was asked for: its place in line (priority ties, aging). An instant after the
    /// event's own counts as the event's.
    public var requestedAt: ACDInstant

    /// A callback to `number` in `queue`, asked for at `requestedAt`.
    public init(
        id: CallID, queue: QueueID, number: String, priority: Int = 0, skills: [SkillRequirement] = [], requestedAt: ACDInstant
    ) {
        self.id = id
        self.queue = queue
        self.number = number
        self.priority = priority
        self.skills = skills
        self.requestedAt = requestedAt
    }
}
