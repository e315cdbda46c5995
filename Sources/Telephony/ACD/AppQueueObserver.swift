import AMI
import CTICore
import Logging

/// Observer mode over AMI: follows `app_queue` through ``AppQueueObserverState`` and reports in
/// the controller's event shape; records connected calls through `MixMonitor` (``AppQueueRecording``);
/// pauses and unpauses members through `QueuePause`.
public actor AppQueueObserver {
    let client: AMIClient
    let clock: ACDClock
    let recording: AppQueueRecording?
    let logger: Logger
    let fanOut = EventFanOut<ACDControllerEvent>()
    /// What is known now.
    public private(set) var state = AppQueueObserverState()
    /// The MixMonitor running for each connected caller (by Uniqueid), to stop when app_queue
    /// hands the caller on alive (a transfer back to a queue) instead of hanging up.
    private var running: [String: AMIAction] = [:]

    /// An observer of the Asterisk behind `client`; with `recording`, calls the policy picks are
    /// recorded when app_queue connects them (nil records nothing).
    public init(
        client: AMIClient, clock: ACDClock = .continuous(), recording: AppQueueRecording? = nil,
        logger: Logger = Logger(label: "ctibridge.acd.observer")
    ) {
        self.client = client
        self.clock = clock
        self.recording = recording
        self.logger = logger
    }

    /// A stream of what app_queue does, holding at most `capacity` unread events.
    public nonisolated func events(capacity: Int = 10_000) -> BoundedEventStream<ACDControllerEvent> {
        fanOut.subscribe(capacity: capacity)
    }

    /// Follows the client's events until the stream ends; each login's `QueueStatus` resyncs the state.
    public func run(events: AMIEventSubscription) async {
        for await item in events {
            switch item {
            case .event(let message): await handle(message)
            case .resynced(let snapshot): resync(queueStatus: snapshot.queueStatus)
            default: break
            }
        }
        fanOut.finish()
    }

    /// Applies one AMI event, recording nothing.
    public func apply(_ message: AMIMessage) {
        for event in state.apply(message, at: clock.now()) { fanOut.publish(event) }
    }

    /// Applies one AMI event; a call app_queue connects is first recorded when the policy picks it,
    /// and its `connected` event names the recording (nil when MixMonitor was refused: the call goes on unrecorded).
    /// When app_queue hands a recorded caller on alive (`AgentComplete` with `Reason: transfer`), that
    /// connection's MixMonitor is stopped.
    public func handle(_ message: AMIMessage) async {
        for event in state.apply(message, at: clock.now()) {
            guard case .connected(let call, let agent, let bridgeID, nil) = event, let start = recording?.start(for: message) else {
                fanOut.publish(event)
                continue
            }
            let name = await record(start, call: call)
            fanOut.publish(.connected(call, agent: agent, bridgeID: bridgeID, recording: name))
        }
        if message.isEvent(named: "AgentComplete"), let caller = message["Uniqueid"], let stop = running.removeValue(forKey: caller),
            message["Reason"] == "transfer"
        {
            await stopRecording(stop, caller: caller)
        }
    }

    /// Sends the MixMonitor; the recording's name, or nil (logged) when Asterisk refused it.
    private func record(_ start: AppQueueRecording.Start, call: CallID) async -> String? {
        do {
            let reply = try await client.send(start.action)
            running[call.rawValue] = .stopMixMonitor(channel: start.channel, mixMonitorID: reply["MixMonitorID"].flatMap { $0.isEmpty ? nil : $0 })
            return start.name
        } catch {
            logger.warning(
                "MixMonitor failed; the call is not recorded",
                metadata: ["acd.call": "\(call)", "acd.recording": "\(start.name)", "acd.error": "\(error)"])
            return nil
        }
    }

    /// Stops a connection's MixMonitor on a caller whose channel lives on (so the file holds that
    /// connection only, and the next connection records into its own); a failure is logged.
    private func stopRecording(_ stop: AMIAction, caller: String) async {
        do {
            _ = try await client.send(stop)
        } catch {
            logger.warning("StopMixMonitor failed", metadata: ["acd.call": "\(caller)", "acd.error": "\(error)"])
        }
    }

    /// Rebuilds the state from `QueueStatus` items.
    public func resync(queueStatus items: [AMIMessage]) {
        for event in state.resync(queueStatus: items, at: clock.now()) { fanOut.publish(event) }
        running = running.filter { state.callers[$0.key] != nil }
    }

    /// Pauses (with a reason code) or unpauses a member's interface in one queue or (nil) all of them.
    public func pause(interface: String, paused: Bool, reason: String? = nil, queue: String? = nil) async throws(AppQueueObserverError) {
        guard !interface.isEmpty else { throw AppQueueObserverError("an interface is required") }
        do {
            _ = try await client.send(.queuePause(interface: interface, paused: paused, queue: queue, reason: reason))
        } catch let error as AMIError {
            throw AppQueueObserverError("QueuePause of \(interface) failed: \(error)", amiCode: error.code)
        } catch {
            throw AppQueueObserverError("QueuePause of \(interface) failed: \(error)")
        }
    }
}

/// A request app_queue refused, or that could not be sent.
public struct AppQueueObserverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The AMI error, when the failure came from AMI.
    public var amiCode: AMIError.Code?

    /// An error.
    public init(_ message: String, amiCode: AMIError.Code? = nil) {
        self.message = message
        self.amiCode = amiCode
    }

    public var description: String { message }
}
