import CTICore
import Foundation
import Logging
import Storage
import Telephony

/// Fills the recordings index from the ACD (controller mode) or from app_queue (observer mode):
/// when a recorded call ends, its recording (call, agent, queue, customer, start, duration, format,
/// file) is indexed. A call that arrives without a customer (app_queue knows none) gets the one
/// `customer` finds by the caller's number.
public actor RecordingIndexer {
    let index: any RecordingIndex
    let format: String
    let wallClock: @Sendable () -> Date
    let customer: (@Sendable (String) async -> Int64?)?
    let logger: Logger

    private struct Live {
        var info: ACDCallInfo?
        var agent: AgentID
        var recording: String
        var startedAt: Date
    }

    private var infos: [CallID: ACDCallInfo] = [:]
    private var live: [CallID: Live] = [:]

    public init(
        index: any RecordingIndex, format: String = "wav", wallClock: @escaping @Sendable () -> Date = { Date() },
        customer: (@Sendable (String) async -> Int64?)? = nil, logger: Logger = Logger(label: "ctibridge.recordings")
    ) {
        self.index = index
        self.format = format
        self.wallClock = wallClock
        self.customer = customer
        self.logger = logger
    }

    /// Indexes recordings until the stream ends.
    public func run(events: BoundedEventStream<ACDControllerEvent>) async {
        for await event in events { await handle(event) }
    }

    public func handle(_ event: ACDControllerEvent) async {
        switch event {
        case .queued(let info, _):
            infos[info.id] = info
        case .offered(_, let info, _):
            infos[info.id] = info
        case .connected(let id, let agent, _, let recording):
            guard let recording else { return }
            live[id] = Live(info: infos[id], agent: agent, recording: recording, startedAt: wallClock())
        case .ended(let id, _, _, let talk):
            infos[id] = nil
            guard let call = live.removeValue(forKey: id) else { return }
            await add(id, call, duration: talk)
        case .abandoned(let id, _, _), .leftQueue(let id, _, _):
            infos[id] = nil
            live[id] = nil
        default:
            break
        }
    }

    private func add(_ id: CallID, _ call: Live, duration: Double) async {
        var customerID = call.info?.customerID.flatMap { Int64($0) }
        if customerID == nil, let number = call.info?.callerNumber, let customer { customerID = await customer(number) }
        let entry = RecordingEntry(
            id: call.recording, callID: id.rawValue, agentID: call.agent.rawValue, queue: call.info?.queue.rawValue,
            customerID: customerID, callerNumber: call.info?.callerNumber, startedAt: call.startedAt,
            durationSeconds: max(0, duration), format: format, location: "\(call.recording).\(format)")
        do {
            try await index.add(entry)
        } catch {
            logger.error("could not index the recording", metadata: ["call": "\(id)", "recording": "\(call.recording)", "error": "\(error)"])
        }
    }
}
