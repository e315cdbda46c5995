import CTICore

/// Callbacks that enter a queue with no live caller channel.
extension ACDController {
    /// Queues a callback nobody waits on the line for; returns its position. It waits as a
    /// callback from the start, in line from `age` seconds ago; when its turn comes the agent is
    /// rung, bridged alone, and then the number is dialled. Its end is reported as
    /// ``ACDControllerEvent/callbackFinished(_:queue:customerAnswered:)``.
    @discardableResult
    public func scheduleCallback(_ request: ACDCallbackRequest) async throws(ACDControllerError) -> Int {
        guard calls[request.id] == nil else { throw ACDControllerError(.invalidState, "call \(request.id) is already known") }
        guard !request.number.isEmpty else { throw ACDControllerError(.invalidState, "callback \(request.id) has no number") }
        guard request.age.isFinite else { throw ACDControllerError(.invalidState, "callback \(request.id) has no finite age") }
        let now = clock.now()
        let requestedAt = now + -max(0, request.age)
        let info = ACDCallInfo(
            id: request.id, channelID: request.id.rawValue, queue: request.queue, callerNumber: request.number,
            callerName: request.callerName, dnis: request.dnis, customerID: request.customerID, ivrPath: request.ivrPath,
            variables: request.variables)
        var context = ACDCallContext(info: info, priority: request.priority, skills: request.skills, enqueuedAt: requestedAt)
        context.phase = .awaitingCallback
        calls[request.id] = context
        let callback = ScheduledCallback(
            id: request.id, queue: request.queue, number: request.number, priority: request.priority, skills: request.skills,
            requestedAt: requestedAt)
        let decisions: [ACDDecision]
        do {
            decisions = try engine.handle(.callbackScheduled(callback), at: now)
        } catch {
            calls[request.id] = nil
            throw Self.map(error)
        }
        let position = decisions.lazy.compactMap { decision -> Int? in
            if case .queued(request.id, _, let position) = decision { position } else { nil }
        }.first
        await perform(decisions)
        return position ?? engine.waitingCalls(in: request.queue)?.first { $0.id == request.id }?.position ?? 0
    }

    /// Whether the call is a callback the controller holds (waiting, ringing or being dialled).
    public func isCallbackScheduled(_ call: CallID) -> Bool {
        guard let context = calls[call] else { return false }
        if case .awaitingCallback = context.phase { return true }
        return context.callbackDialled
    }
}
