import ARI
import CTICore
import Logging

extension ACDController {
    /// Starts the periodic position/expected-wait announcements for a waiting caller.
    func startAnnouncements(_ call: CallID) {
        guard let interval = configuration.announcementInterval, interval > 0 else { return }
        let clock = clock
        let task = Task { [weak self] in
            var next = clock.now() + interval
            while !Task.isCancelled {
                do {
                    try await clock.sleep(until: next)
                } catch {
                    return
                }
                guard let self, await self.announce(call) else { return }
                next = next + interval
            }
        }
        calls[call]?.announcements?.cancel()
        calls[call]?.announcements = task
    }

    /// Plays position and expected wait to a waiting caller; false when the caller no longer waits.
    func announce(_ call: CallID) async -> Bool {
        guard let context = calls[call], case .waiting = context.phase else { return false }
        guard let waiting = engine.waitingCalls(in: context.info.queue)?.first(where: { $0.id == call }) else { return true }
        let expected = expectedWait(position: waiting.position, queue: context.info.queue)
        let minutes = max(1, Int((expected / 60).rounded(.up)))
        var media = waiting.position == 1
            ? ["sound:queue-youarenext"]
            : ["sound:queue-thereare", "number:\(waiting.position)", "sound:queue-callswaiting"]
        media += ["sound:queue-holdtime", "number:\(minutes)", "sound:queue-minutes"]
        if configuration.callbackKey != nil, let prompt = configuration.callbackPrompt { media.append(prompt) }
        publish(.announced(call, position: waiting.position, expectedWait: expected))
        do {
            _ = try await rest.play(context.info.channelID, media: media)
        } catch {
            logger.debug("announcement failed", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
        }
        return true
    }

    /// Expected wait in seconds at `position`: that many handle times shared by the agents staffing the queue.
    public func expectedWait(position: Int, queue: QueueID) -> Double {
        var handle = configuration.assumedHandleTime
        if let statistics = engine.statistics(ofQueue: queue), statistics.handled > 0 {
            handle = (statistics.talkTime + statistics.holdTime + statistics.wrapUpTime) / Double(statistics.handled)
        }
        let agents = engine.snapshot(of: queue)?.agents ?? [:]
        let staffed = agents.filter { $0.key != .loggedOut && $0.key != .paused }.values.reduce(0, +)
        return Double(position) * handle / Double(max(1, staffed))
    }
}
