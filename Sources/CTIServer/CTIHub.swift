import CTICore
import Logging

/// Routes screen-pops to agents' sockets (every tab of an agent, no other agent) and the wallboard
/// to supervisors; numbers pops per agent and replays what a reconnecting desktop missed.
public actor CTIHub {
    /// A socket registered with the hub.
    public struct SocketID: Hashable, Sendable, CustomStringConvertible {
        let value: UInt64
        public var description: String { "socket-\(value)" }
    }

    struct Socket {
        var principal: CTIPrincipal
        var token: String
        var queue: CTISocketQueue
        var isSupervisorFeed: Bool
    }

    private var journal: CTIScreenPopJournal
    private var sockets: [SocketID: Socket] = [:]
    private var socketsByAgent: [String: Set<SocketID>] = [:]
    private var supervisorSockets: Set<SocketID> = []
    private var nextSocket: UInt64 = 0
    private var latestWallboard: WallboardSnapshot?
    private let sendQueueLimit: Int
    private let logger: Logger

    public init(journalCapacity: Int = 256, sendQueueLimit: Int = 1024, logger: Logger = Logger(label: "cti.hub")) {
        journal = CTIScreenPopJournal(capacity: journalCapacity)
        self.sendQueueLimit = sendQueueLimit
        self.logger = logger
    }

    /// A hub sized by the server's configuration.
    public init(configuration: CTIServerConfiguration, logger: Logger = Logger(label: "cti.hub")) {
        self.init(journalCapacity: configuration.journalCapacity, sendQueueLimit: configuration.sendQueueLimit, logger: logger)
    }

    // MARK: Publishing

    /// Sends `pop` to every socket of `agentID` and journals it; returns its sequence number.
    @discardableResult
    public func publish(_ pop: CTIScreenPopMessage, to agentID: String) -> UInt64 {
        let entry = journal.append(pop, for: agentID)
        guard let ids = socketsByAgent[agentID], !ids.isEmpty else { return entry.seq }
        let text = CTIServerFrame.pop(seq: entry.seq, pop).encoded()
        for id in ids { send(.text(text), to: id) }
        return entry.seq
    }

    /// Sends the wallboard to every supervisor feed and keeps it for feeds that join later.
    public func publishWallboard(_ snapshot: WallboardSnapshot) {
        latestWallboard = snapshot
        guard !supervisorSockets.isEmpty else { return }
        let text = CTIServerFrame.wallboard(snapshot).encoded()
        for id in supervisorSockets { send(.text(text), to: id) }
    }

    /// The last wallboard published.
    public var wallboard: WallboardSnapshot? { latestWallboard }

    // MARK: Sockets

    /// Registers an agent socket: queues `welcome`, then the replay after `lastSeq`
    /// (an `error` frame first when part of it is no longer kept).
    func attachAgent(principal: CTIPrincipal, agentID: String, token: String, lastSeq: UInt64?) -> (SocketID, AsyncStream<CTIOutbound>) {
        let (id, queue) = register(principal: principal, token: token, supervisor: false)
        socketsByAgent[agentID, default: []].insert(id)
        queue.send(.text(CTIServerFrame.welcome(welcome(principal)).encoded()))
        if let lastSeq { replay(to: id, after: lastSeq) }
        return (id, queue.stream)
    }

    /// Registers a supervisor feed and queues the latest wallboard.
    func attachSupervisor(principal: CTIPrincipal, token: String) -> (SocketID, AsyncStream<CTIOutbound>) {
        let (id, queue) = register(principal: principal, token: token, supervisor: true)
        supervisorSockets.insert(id)
        queue.send(.text(CTIServerFrame.welcome(welcome(principal)).encoded()))
        if let latestWallboard { queue.send(.text(CTIServerFrame.wallboard(latestWallboard).encoded())) }
        return (id, queue.stream)
    }

    /// Queues the agent's messages after `lastSeq` on socket `id`.
    func replay(to id: SocketID, after lastSeq: UInt64) {
        guard let socket = sockets[id], let agentID = socket.principal.agentID else { return }
        let replay = journal.replay(for: agentID, after: lastSeq)
        if replay.truncated {
            let oldest = replay.entries.first?.seq ?? journal.lastSeq(for: agentID) + 1
            send(.text(CTIServerFrame.error(CTIProtocolError(
                .invalidSequence, "messages after \(lastSeq) before \(oldest) are no longer kept")).encoded()), to: id)
        }
        for entry in replay.entries {
            send(.text(CTIServerFrame.pop(seq: entry.seq, entry.message).encoded()), to: id)
        }
    }

    /// Records an acknowledgement from one of `agentID`'s desktops.
    func acknowledge(_ seq: UInt64, for agentID: String) throws(CTIProtocolError) {
        try journal.acknowledge(seq, for: agentID)
    }

    /// The highest acknowledged sequence number of `agentID`.
    public func acknowledged(for agentID: String) -> UInt64 { journal.acknowledged(for: agentID) }

    /// The highest sequence number issued to `agentID`.
    public func lastSeq(for agentID: String) -> UInt64 { journal.lastSeq(for: agentID) }

    /// Queues a frame on one socket.
    func send(_ frame: CTIServerFrame, to id: SocketID) { send(.text(frame.encoded()), to: id) }

    /// Forgets a socket (it closed).
    func detach(_ id: SocketID) {
        guard let socket = sockets.removeValue(forKey: id) else { return }
        socket.queue.finish()
        supervisorSockets.remove(id)
        if let agentID = socket.principal.agentID {
            socketsByAgent[agentID]?.remove(id)
            if socketsByAgent[agentID]?.isEmpty == true { socketsByAgent[agentID] = nil }
        }
    }

    /// Closes every socket opened with `token` (1008).
    public func revoke(token: String) {
        let affected = sockets.filter { $0.value.token == token }.map(\.key)
        for id in affected {
            guard let socket = sockets[id] else { continue }
            socket.queue.send(.text(CTIServerFrame.error(CTIProtocolError(.tokenRevoked, "session ended")).encoded()))
            socket.queue.close(code: 1008, reason: "token revoked")
        }
        if !affected.isEmpty { logger.info("closed sockets of a revoked token", metadata: ["cti.sockets": "\(affected.count)"]) }
    }

    /// Closes every socket of user `userID` (1008): they were deactivated or their password changed.
    public func revoke(userID: String) {
        let affected = sockets.filter { $0.value.principal.userID == userID }.map(\.key)
        for id in affected {
            guard let socket = sockets[id] else { continue }
            socket.queue.send(.text(CTIServerFrame.error(CTIProtocolError(.tokenRevoked, "session ended")).encoded()))
            socket.queue.close(code: 1008, reason: "user signed out")
        }
        if !affected.isEmpty { logger.info("closed sockets of a signed-out user", metadata: ["cti.sockets": "\(affected.count)"]) }
    }

    /// Closes every socket (server shutdown, 1001).
    public func closeAll() {
        for socket in sockets.values { socket.queue.close(code: 1001, reason: "server shutting down") }
    }

    /// Open sockets: agent sockets by agent, and supervisor feeds.
    public var connectionCounts: (agents: Int, agentSockets: Int, supervisors: Int) {
        (socketsByAgent.count, socketsByAgent.values.reduce(0) { $0 + $1.count }, supervisorSockets.count)
    }

    // MARK: Private

    private func register(principal: CTIPrincipal, token: String, supervisor: Bool) -> (SocketID, CTISocketQueue) {
        nextSocket += 1
        let id = SocketID(value: nextSocket)
        let queue = CTISocketQueue(limit: sendQueueLimit)
        sockets[id] = Socket(principal: principal, token: token, queue: queue, isSupervisorFeed: supervisor)
        return (id, queue)
    }

    private func welcome(_ principal: CTIPrincipal) -> CTIWelcome {
        CTIWelcome(
            userID: principal.userID, agentID: principal.agentID, displayName: principal.displayName,
            role: principal.role.rawValue, lastSeq: principal.agentID.map { journal.lastSeq(for: $0) } ?? 0)
    }

    private func send(_ frame: CTIOutbound, to id: SocketID) {
        guard let socket = sockets[id] else { return }
        if !socket.queue.send(frame) {
            logger.warning("socket too slow; closing", metadata: ["cti.socket": "\(id)"])
            detach(id)
        }
    }
}
