import CTICore
import CTIMetrics
import Telephony

/// Counts how calls leave their queues (answered, abandoned, overflowed, transferred, callback)
/// on `/metrics`, from the ACD's events: controller and observer mode alike.
public actor CallOutcomeCounter {
    let metrics: CTIMetrics
    private var queueOfCall: [CallID: QueueID] = [:]

    public init(metrics: CTIMetrics) {
        self.metrics = metrics
    }

    /// Counts until the stream ends.
    public func run(events: BoundedEventStream<ACDControllerEvent>) async {
        for await event in events { handle(event) }
    }

    public func handle(_ event: ACDControllerEvent) {
        switch event {
        case .queued(let info, _):
            queueOfCall[info.id] = info.queue
        case .offered(_, let info, _):
            if queueOfCall[info.id] == nil { queueOfCall[info.id] = info.queue }
        case .connected(let call, _, _, _):
            if let queue = queueOfCall[call] { metrics.callFinished(queue: queue.rawValue, outcome: .answered) }
        case .ended(let call, _, _, _):
            queueOfCall[call] = nil
        case .transferred(let call, _, _):
            if let queue = queueOfCall[call] { metrics.callFinished(queue: queue.rawValue, outcome: .transferred) }
        case .abandoned(let call, let queue, _):
            queueOfCall[call] = nil
            metrics.callFinished(queue: queue.rawValue, outcome: .abandoned)
        case .overflowed(let call, let from, let to):
            queueOfCall[call] = to
            metrics.callFinished(queue: from.rawValue, outcome: .overflowed)
        case .leftQueue(let call, let queue, let reason):
            queueOfCall[call] = nil
            if reason == "callback" { metrics.callFinished(queue: queue.rawValue, outcome: .callback) }
        default:
            break
        }
    }
}
