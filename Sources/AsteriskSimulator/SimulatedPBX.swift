import AMI
import CTICore

/// The state of the simulated Asterisk: channels, bridges, app_queue queues and their callers,
/// variables, and the steps it will take later (agents answering, calls ending, new calls).
///
/// Pure and deterministic: operations take the current time and append the AMI events Asterisk
/// would raise, in order, to an outbox read with ``drainEvents()``; timed steps run in
/// ``advance(to:)``. The same code serves the live server, the traffic generator and benchmarks.
public struct SimulatedPBX: Sendable {
    /// Dialplan entry points, technologies, failures and agent behaviour.
    public var settings: PBXSettings
    /// When the simulated Asterisk started.
    public let bootTime: WallTime
    /// When it last reloaded.
    public var lastReload: WallTime
    /// The time of the last operation or step.
    public internal(set) var now: WallTime
    /// Channels by Uniqueid.
    public internal(set) var channels: [String: SimChannel] = [:]
    /// Queues by name.
    public internal(set) var queues: [String: SimQueue]
    /// Queue names in configuration order.
    public let queueOrder: [String]
    /// Bridges by id.
    public internal(set) var bridges: [String: SimBridge] = [:]
    /// Callers inside app_queue, by the caller's Uniqueid.
    public internal(set) var calls: [String: QueueCall] = [:]
    /// Global variables.
    public var globals: [String: String] = [:]
    /// Calls placed since start (`core show channels`).
    public internal(set) var callsProcessed = 0

    var agenda = Agenda()
    var random: SeededGenerator
    var traffic: TrafficState?
    var trafficGeneration = 0
    var uniqueSequence = 0
    var nameSequence = 0
    var lastStamp: WallTime
    var outbox: [AMIMessage] = []
    var finishedRecordings: [SimRecording] = []

    /// A PBX started at `bootTime` with these queues; `seed` fixes every random choice.
    public init(bootTime: WallTime, queues: [SimQueue], settings: PBXSettings = PBXSettings(), seed: UInt64 = 1) {
        self.settings = settings
        self.bootTime = bootTime
        self.lastReload = bootTime
        self.now = bootTime
        self.lastStamp = bootTime
        self.queues = Dictionary(queues.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.queueOrder = queues.map(\.name).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        self.random = SeededGenerator(seed: seed)
    }

    /// The captured site: queue `support` with Alice and Bob (`Local/100x@agents/n`, as in
    /// queues.conf of the captures) and queue `sales` with Dave and Erin.
    public static func demo(bootTime: WallTime, seed: UInt64 = 1) -> SimulatedPBX {
        func member(_ name: String, _ exten: Int) -> SimQueueMember {
            SimQueueMember(name: name, interface: "Local/\(exten)@agents/n", loginTime: bootTime.seconds)
        }
        return SimulatedPBX(
            bootTime: bootTime,
            queues: [
                SimQueue(name: "support", members: [member("Alice", 1001), member("Bob", 1002)]),
                SimQueue(name: "sales", members: [member("Dave", 2001), member("Erin", 2002)]),
            ],
            seed: seed)
    }

    /// A larger site for sustained traffic: `support` and `sales` with `agentsPerQueue` agents each.
    public static func contactCentre(agentsPerQueue: Int, bootTime: WallTime, seed: UInt64 = 1) -> SimulatedPBX {
        let names = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy"]
        func members(_ base: Int) -> [SimQueueMember] {
            (0..<max(1, agentsPerQueue)).map { index in
                let name = names[index % names.count] + (index < names.count ? "" : " \(index / names.count + 1)")
                return SimQueueMember(name: name, interface: "Local/\(base + index)@agents/n", loginTime: bootTime.seconds)
            }
        }
        return SimulatedPBX(
            bootTime: bootTime,
            queues: [SimQueue(name: "support", members: members(1001)), SimQueue(name: "sales", members: members(3001))],
            seed: seed)
    }

    // MARK: Reading

    /// Channels in creation order.
    public var orderedChannels: [SimChannel] { channels.values.sorted { $0.sequence < $1.sequence } }

    /// Queues in configuration order.
    public var orderedQueues: [SimQueue] { queueOrder.compactMap { queues[$0] } }

    /// Finds a channel by Uniqueid or by name (case-insensitive), as the Hangup action does.
    public func channel(named nameOrID: String) -> SimChannel? {
        if let channel = channels[nameOrID] { return channel }
        let wanted = nameOrID.lowercased()
        return channels.values.first { $0.name.lowercased() == wanted }
    }

    /// When the next timed step is due, if any.
    public var nextStepTime: WallTime? { agenda.nextTime }

    /// Number of timed steps waiting.
    public var pendingSteps: Int { agenda.count }

    // MARK: Time and events

    /// Runs every step due up to `time`, in order; their events go to the outbox.
    public mutating func advance(to time: WallTime) {
        while let entry = agenda.popDue(at: time) {
            now = max(now, entry.time)
            run(entry.step)
        }
        now = max(now, time)
    }

    /// Takes the events raised since the last call, in order.
    public mutating func drainEvents() -> [AMIMessage] {
        defer { outbox.removeAll(keepingCapacity: true) }
        return outbox
    }

    /// Sets the time for an operation that happens now (an action); never goes backwards.
    public mutating func setTime(_ time: WallTime) { now = max(now, time) }

    /// The timestamp of the next event: now, but always a few microseconds after the previous one.
    mutating func stamp() -> WallTime {
        lastStamp = max(now, lastStamp + .microseconds(7))
        return lastStamp
    }

    mutating func emit(_ event: AMIMessage) { outbox.append(event) }

    /// Emits an event about one channel, with extra headers after its channel block.
    mutating func emitChannelEvent(_ name: String, _ id: String, privilege: String = "call", _ extra: KeyValuePairs<String, String> = [:]) {
        guard let channel = channels[id] else { return }
        var event = SimEvents.channel(name, channel, at: stamp(), privilege: privilege)
        for (key, value) in extra { event.append(key, value) }
        emit(event)
    }

    /// Emits an event about a caller and a second party, with extra headers.
    mutating func emitPairEvent(_ name: String, _ privilege: String, caller: String, dest: String, _ extra: KeyValuePairs<String, String>) {
        guard let callerChannel = channels[caller], let destChannel = channels[dest] else { return }
        var event = SimEvents.pair(name, privilege, caller: callerChannel, dest: destChannel, at: stamp())
        for (key, value) in extra { event.append(key, value) }
        emit(event)
    }

    mutating func emitDeviceState(_ device: String, _ state: DeviceState) {
        emit(SimEvents.deviceState(device, state, at: stamp()))
    }

    mutating func schedule(_ step: PBXStep, after delay: Duration) {
        agenda.schedule(step, at: now + delay)
    }

    private mutating func run(_ step: PBXStep) {
        switch step {
        case .arrival(let generation): trafficArrival(generation: generation)
        case .offer(let queue): offerCallers(in: queue)
        case .answer(let caller, let attempt): memberAnswers(caller: caller, attempt: attempt)
        case .ringTimeout(let caller, let attempt): ringTimedOut(caller: caller, attempt: attempt)
        case .abandon(let caller): callerAbandons(caller, requestedByManager: false)
        case .end(let caller): scriptedCallEnds(caller)
        }
    }
}
