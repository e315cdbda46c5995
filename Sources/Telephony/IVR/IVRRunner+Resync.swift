import ARI
import CTICore
import Synchronization

extension IVRRunner {
    /// After an events (re)connect, with ARI's view of the application's channels:
    /// - a call in the IVR whose channel is gone ends as a hang-up;
    /// - a call whose channel is still there is re-adopted: it checks whether its playback or
    ///   recording ended while the socket was down, and carries on;
    /// - an IVR channel in Stasis the runner does not know (its `StasisStart` was missed, or
    ///   CTIBridge restarted) starts its flow when it was never answered, and otherwise goes to
    ///   the dialplan fallback rather than sitting in silence.
    func resync(_ snapshot: ARISnapshot) {
        let present = Dictionary(snapshot.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (known, handedOff) = calls.withLock { calls in
            (calls.sessions, calls.handedOff)
        }
        var adopted: [String] = []
        var ended: [String] = []
        for (channelID, session) in known {
            if present[channelID] == nil {
                calls.withLock { _ = $0.sessions.removeValue(forKey: channelID) }
                session.markGone()
                ended.append(channelID)
            } else {
                session.send(.resync)
                adopted.append(channelID)
            }
        }
        calls.withLock { calls in calls.handedOff.formIntersection(present.keys) }
        for channel in snapshot.channels where known[channel.id] == nil && !handedOff.contains(channel.id) {
            let args = channel.dialplan.appData.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard channel.dialplan.appName == "Stasis", args.count >= 2, args[1] == configuration.entryArgument else { continue }
            if channel.state == .up {
                ended.append(channel.id)
                Task { await self.sendToFallback(channel.id) }
            } else {
                let dnis = args.count > 2 && !args[2].isEmpty ? args[2] : channel.dialplan.exten
                adopted.append(channel.id)
                startCall(IVRCallInfo(
                    channelID: channel.id, callerID: channel.caller.number,
                    callerName: channel.caller.name.isEmpty ? nil : channel.caller.name, dnis: dnis))
            }
        }
        publish(.resynced(adopted: adopted.sorted(), ended: ended.sorted()))
    }

    /// A re-adopted call: a playback or recording that ended unseen is reported to the engine.
    func recheck(_ session: IVRCallSession) async {
        for (ariID, id) in session.activePlaybacks {
            guard !session.isGone else { return }
            do {
                _ = try await rest.playback(ariID)
            } catch where error.code == .notFound {
                if session.playback(ariID, remove: true) != nil { session.send(.event(.playbackFinished(id))) }
            } catch {
                publish(.requestFailed(channelID: session.channelID, request: "get playback", error: error))
            }
        }
        for (ariName, name) in session.activeRecordings {
            guard !session.isGone else { return }
            do {
                _ = try await rest.liveRecording(ariName)
            } catch where error.code == .notFound {
                let stored = (try? await rest.storedRecording(ariName)) != nil
                if session.recording(ariName, remove: true) != nil {
                    session.send(.event(stored ? .recordingFinished(name: name, durationSeconds: nil) : .recordingFailed(name: name)))
                }
            } catch {
                publish(.requestFailed(channelID: session.channelID, request: "get recording", error: error))
            }
        }
    }
}
