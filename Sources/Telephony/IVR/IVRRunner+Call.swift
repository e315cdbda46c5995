import ARI
import CTICore
import Foundation
import Logging

extension IVRRunner {
    /// One call's task: feeds its inputs to the engine and carries out the decisions in order.
    func runCall(_ session: IVRCallSession, engine: IVREngine) async {
        var engine = engine
        var decisions: [IVRDecision] = []
        decisions.reserveCapacity(8)
        for await input in session.inputs {
            decisions.removeAll(keepingCapacity: true)
            switch input {
            case .event(let event):
                if case .timerFired(let id) = event { session.timerFired(id) }
                engine.handle(event, at: now(), into: &decisions)
            case .resync:
                await recheck(session)
            }
            let node = engine.currentNodeID.flatMap(engine.flow.node)
            // CRM lookups start first: they only read, and need not wait for an answer request.
            for decision in decisions where Self.isLookup(decision) { await execute(decision, session, node: node) }
            for decision in decisions where !Self.isLookup(decision) { await execute(decision, session, node: node) }
            if let outcome = engine.outcome {
                callLeft(session, outcome: outcome)
                session.finish()
                publish(.callEnded(channelID: session.channelID, outcome: outcome, path: engine.path))
                return
            }
        }
        // The queue ended without an outcome (cannot happen: a hang-up is always queued last).
        callLeft(session, outcome: .callerHungUp(nodeID: engine.currentNodeID))
    }

    static func isLookup(_ decision: IVRDecision) -> Bool {
        if case .lookupCustomer = decision { true } else { false }
    }

    /// The ARI playback id for one of the engine's playbacks.
    func playbackID(_ session: IVRCallSession, _ id: IVRPlaybackID) -> String {
        "\(configuration.resourcePrefix)-\(session.channelID)-\(id)"
    }

    /// The ARI recording name for one of the engine's recordings (already unique: `ivr-CHANNEL-N`).
    func recordingName(_ session: IVRCallSession, _ name: String) -> String { name }

    /// Carries out one decision; ARI failures become engine events so the caller is never stranded.
    func execute(_ decision: IVRDecision, _ session: IVRCallSession, node: IVRNode?) async {
        let channelID = session.channelID
        switch decision {
        case .startTimer(let timer):
            let clock = self.clock
            let task = Task {
                do {
                    try await clock.sleep(for: timer.duration)
                } catch {
                    return
                }
                session.send(.event(.timerFired(timer.id)))
            }
            session.addTimer(timer.id, task)
            return
        case .cancelTimer(let id):
            session.cancelTimer(id)
            return
        case .lookupCustomer(let request):
            let lookup = self.lookup
            let task = Task {
                let result: CustomerLookupResult
                do {
                    if let customer = try await lookup.customer(forCallerID: request.callerID) {
                        result = .found(customer)
                    } else {
                        result = .notFound
                    }
                } catch {
                    result = .failed(reason: "\(error)")
                }
                if !Task.isCancelled { session.send(.event(.lookupResult(request.id, result))) }
            }
            session.addLookup(task)
            return
        case .storeMessage(let message):
            let stored = IVRMessage(
                mailbox: message.mailbox, recordingName: recordingName(session, message.recordingName),
                durationSeconds: message.durationSeconds, callerID: message.callerID, recordedAt: message.recordedAt, flowID: message.flowID)
            await sink.messageRecorded(stored)
            return
        case .storeSurveyResult(let result):
            await sink.surveyCompleted(result)
            return
        case .requestCallback(let request):
            await sink.callbackRequested(request, channelID: channelID)
            return
        default:
            break
        }
        // Everything below talks to Asterisk: nothing more once the caller is gone.
        guard !session.isGone else { return }
        switch decision {
        case .answer:
            await request("answer", session) { try await $0.answer(channelID) }
        case .play(let playback):
            let id = playbackID(session, playback.id)
            session.registerPlayback(id, playback.id)
            let played = await request("play", session) {
                _ = try await $0.play(channelID, media: playback.media, playbackID: id, language: playback.language)
            }
            if !played, session.playback(id, remove: true) != nil { session.send(.event(.playbackFailed(playback.id))) }
        case .stopPlayback(let playback):
            await request("stop playback", session) { try await $0.stopPlayback(self.playbackID(session, playback), ignoreMissing: true) }
        case .record(let record):
            let name = recordingName(session, record.name)
            var mailbox = ""
            if case .record(let recordNode) = node?.kind { mailbox = recordNode.mailbox }
            session.registerRecording(name, name: record.name, mailbox: mailbox)
            let started = await request("record", session) {
                _ = try await $0.record(
                    channelID,
                    ARIRecordRequest(
                        name: name, format: self.configuration.recordingFormat,
                        maxDurationSeconds: Int(record.maxDurationSeconds.rounded(.up)),
                        maxSilenceSeconds: record.maxSilenceSeconds.map { Int($0.rounded(.up)) }, ifExists: "overwrite",
                        beep: record.beep, terminateOn: record.terminateOn ?? "none"))
            }
            if !started, session.recording(name, remove: true) != nil { session.send(.event(.recordingFailed(name: record.name))) }
        case .stopRecording(let name):
            await request("stop recording", session) {
                do {
                    try await $0.stopLiveRecording(self.recordingName(session, name))
                } catch let error as ARIError where error.code == .notFound {
                    return
                }
            }
        case .transfer(let transfer):
            await request("continue", session) {
                try await $0.continueInDialplan(channelID, context: transfer.context, extension: transfer.extension, priority: 1)
            }
        case .hangUp(let reason):
            await request("hangup", session) {
                do {
                    try await $0.hangup(channelID, reason: reason)
                } catch let error as ARIError where error.code == .notFound {
                    return
                }
            }
        case .enqueue(let enqueue):
            let call = IVRQueuedCall(
                channelID: channelID, queue: enqueue.queue, skills: enqueue.skills, priority: enqueue.priority,
                callerNumber: session.call.callerID, callerName: session.call.callerName, dnis: session.call.dnis, path: enqueue.path)
            do {
                try await handoff.handOff(call)
                publish(.handedOff(call))
            } catch {
                logger.warning("ACD hand-off failed; sending the call to the fallback", metadata: ["channel": "\(channelID)", "queue": "\(enqueue.queue)"])
                publish(.requestFailed(channelID: channelID, request: "hand-off to \(enqueue.queue)", error: ARIError(.unexpectedStatus, "hand-off failed: \(error)")))
                await sendToFallback(channelID)
            }
        default:
            break
        }
    }

    /// Sends one request; a channel that is gone (404) or left Stasis (409) ends the call.
    @discardableResult
    private func request(_ what: String, _ session: IVRCallSession, _ body: (ARIRESTClient) async throws -> Void) async -> Bool {
        do {
            try await body(rest)
            return true
        } catch {
            let error = error as? ARIError ?? ARIError(.transport, "\(what) failed: \(error)")
            publish(.requestFailed(channelID: session.channelID, request: what, error: error))
            if error.code == .notFound && what != "stop playback" || error.code == .notInStasis {
                session.markGone()
            }
            return false
        }
    }
}
