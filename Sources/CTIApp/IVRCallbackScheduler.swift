import CTICore
import Foundation
import Logging
import Storage
import Telephony

/// Hands the IVR's stored callback requests to the ACD as calls `cb-<stored id>`, and keeps
/// their stored status: `pending` while queued, `completed` once the customer was connected to
/// an agent, `failed` when their phone was not answered or the ACD could not take the request
/// (unknown queue, say; the reason is logged). On start, pending requests are queued again in
/// the order they were asked for, so none is lost across a restart.
struct IVRCallbackScheduler: Sendable {
    let store: CTIStore
    let controller: ACDController
    /// The clock the IVR stamps requests with, to tell how long ago each was asked for.
    let now: @Sendable () -> Date
    let logger: Logger

    static let prefix = "cb-"

    /// The ACD call of stored callback `id`.
    static func callID(of id: Int64) -> CallID { CallID("\(prefix)\(id)") }

    /// The stored callback an ACD call stands for, if it is one.
    static func storedID(of call: CallID) -> Int64? {
        guard call.rawValue.hasPrefix(prefix) else { return nil }
        return Int64(call.rawValue.dropFirst(prefix.count))
    }

    /// Queues a stored request; a refused one is marked failed with the reason logged.
    func schedule(_ callback: StoredCallbackRequest, path: IVRPath? = nil) async {
        let nodes = path?.steps.compactMap { step -> String? in if case .entered = step.event { step.nodeID } else { nil } } ?? []
        let request = ACDCallbackRequest(
            id: Self.callID(of: callback.id), queue: QueueID(callback.queue), number: callback.number, priority: callback.priority,
            age: max(0, now().timeIntervalSince(callback.requestedAt)), callerName: path?.call?.callerName, dnis: path?.call?.dnis,
            customerID: path?.customer?.id, ivrPath: nodes, variables: path?.variables ?? [:])
        do {
            try await controller.scheduleCallback(request)
        } catch {
            // Queued already, by the IVR while the pending ones were being queued again at start.
            if await controller.isCallbackScheduled(request.id) { return }
            logger.error(
                "callback not queued", metadata: ["ivr.callback": "\(callback.id)", "ivr.queue": "\(callback.queue)", "reason": "\(error)"])
            await setStatus(callback.id, .failed)
        }
    }

    /// Queues every pending request again, oldest request first.
    func requeuePending() async {
        var pending: [StoredCallbackRequest] = []
        do {
            var page = PageRequest(limit: PageRequest.maximumLimit)
            while true {
                let found = try await store.ivrOutcomes.callbacks(status: .pending, page: page)
                pending += found.items
                guard found.items.count == page.limit else { break }
                page.offset += page.limit
            }
        } catch {
            logger.error("pending callbacks not read", metadata: ["error": "\(error)"])
        }
        for callback in pending.sorted(by: { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }) {
            await schedule(callback)
        }
        if !pending.isEmpty { logger.info("pending callbacks queued again", metadata: ["count": "\(pending.count)"]) }
    }

    /// Re-queues pending requests, then follows the ACD's events and stores how each callback ended.
    func run(events: BoundedEventStream<ACDControllerEvent>) async {
        await requeuePending()
        for await event in events {
            switch event {
            case .callbackFinished(let call, _, let answered):
                if let id = Self.storedID(of: call) { await setStatus(id, answered ? .completed : .failed) }
            case .leftQueue(let call, let queue, let reason):
                // Released without an agent (a voicemail step, say): the promise cannot be kept.
                if let id = Self.storedID(of: call) {
                    logger.warning("callback left its queue", metadata: ["ivr.callback": "\(id)", "ivr.queue": "\(queue)", "reason": "\(reason)"])
                    await setStatus(id, .failed)
                }
            case .joinRefused(let call, let queue, let reason):
                if let id = Self.storedID(of: call) {
                    logger.warning("callback refused", metadata: ["ivr.callback": "\(id)", "ivr.queue": "\(queue)", "reason": "\(reason)"])
                    await setStatus(id, .failed)
                }
            default:
                break
            }
        }
    }

    private func setStatus(_ id: Int64, _ status: StoredCallbackRequest.Status) async {
        do { try await store.ivrOutcomes.setCallbackStatus(id: id, status) } catch {
            logger.error("callback status not stored", metadata: ["ivr.callback": "\(id)", "status": "\(status.rawValue)", "error": "\(error)"])
        }
    }
}
