import Synchronization
import ARI
import Foundation

extension ARISimulator {
    // MARK: Playbacks

    func playOnChannel(_ id: String, playbackID: String?, _ request: ARISimRequest) -> ARISimReply {
        play(target: "channel:\(id)", playbackID: playbackID, request) { world in
            world.check(id, needsAnswer: true)
        } application: { world in
            world.channels[id]?.application
        }
    }

    /// Answers 201 at once; `PlaybackStarted` follows, then `PlaybackFinished` (`done`, or `failed`
    /// for a missing sound) after the media's duration, unless stopped first.
    func play(
        target: String, playbackID: String?, _ request: ARISimRequest, check: (ARISimWorld) -> ARISimReply?,
        application: (ARISimWorld) -> String?
    ) -> ARISimReply {
        let media = request.all("media")
        guard !media.isEmpty else { return .error(400, "Missing parameter media") }
        let id = playbackID ?? UUID().uuidString.lowercased()
        let result = world.withLock { world -> ARISimReply in
            if let failure = check(world) { return failure }
            guard world.playbacks[id] == nil else { return .error(409, "Playback id already in use") }
            let playback = ARIPlayback(id: id, mediaURI: media.last!, targetURI: target, language: request.first("lang") ?? "en", state: .queued)
            world.playbacks[id] = ARISimPlayback(playback: playback, media: media, application: application(world))
            return .json(playback, status: 201, headers: [("Location", "/playbacks/\(id)")])
        }
        guard result.status == 201 else { return result }
        let failed = media.contains(where: configuration.isMissing)
        let duration = failed ? configuration.eventDelay : configuration.mediaDuration * media.count
        schedule(after: configuration.eventDelay) {
            self.world.withLock { world in
                guard var entry = world.playbacks[id], entry.playback.state == .queued else { return }
                entry.playback.state = .playing
                world.playbacks[id] = entry
                world.emit(.playbackStarted(ARIPlaybackEvent(playback: entry.playback)), to: entry.application)
            }
            self.finishPlayback(id, after: duration, failed: failed)
        }
        return result
    }

    /// Ends playback `id` after `duration` of playing; a paused playback keeps its place and is
    /// checked again a media length later, as Asterisk holds a paused file where it stopped.
    private func finishPlayback(_ id: String, after duration: Duration, failed: Bool) {
        schedule(after: duration) {
            let paused = self.world.withLock { world -> Bool in
                guard var entry = world.playbacks[id] else { return false }
                if entry.playback.state == .paused { return true }
                world.playbacks[id] = nil
                entry.playback.state = failed ? .failed : .done
                world.emit(.playbackFinished(ARIPlaybackEvent(playback: entry.playback)), to: entry.application)
                return false
            }
            if paused { self.finishPlayback(id, after: self.configuration.mediaDuration, failed: failed) }
        }
    }

    func getPlayback(_ id: String) -> ARISimReply {
        world.withLock { world in
            guard let entry = world.playbacks[id] else { return .playbackNotFound }
            return .json(entry.playback)
        }
    }

    /// `DELETE /playbacks/{id}`: stops it (`PlaybackFinished`, state `done`); 404 once finished.
    func stopPlayback(_ id: String) -> ARISimReply {
        world.withLock { world in
            guard var entry = world.playbacks[id] else { return .playbackNotFound }
            world.playbacks[id] = nil
            entry.playback.state = .done
            world.emit(.playbackFinished(ARIPlaybackEvent(playback: entry.playback)), to: entry.application)
            return .noContent
        }
    }

    func controlPlayback(_ id: String, _ request: ARISimRequest) -> ARISimReply {
        let operation = request.first("operation") ?? ""
        guard ["restart", "pause", "unpause", "reverse", "forward"].contains(operation) else {
            return .error(400, "Invalid operation \(operation)")
        }
        return world.withLock { world in
            guard var entry = world.playbacks[id] else { return .playbackNotFound }
            if operation == "pause" { entry.playback.state = .paused }
            if operation == "unpause" || operation == "restart" { entry.playback.state = .playing }
            world.playbacks[id] = entry
            return .noContent
        }
    }

    // MARK: Recordings

    func recordBridge(_ id: String, _ request: ARISimRequest) -> ARISimReply {
        guard let name = request.first("name"), !name.isEmpty else { return .error(400, "Recording name is required") }
        let format = request.first("format") ?? ""
        guard format == "wav" else { return .error(422, "Recording format not supported") }
        let ifExists = request.first("ifExists") ?? "fail"
        let fileExists = FileManager.default.fileExists(atPath: fileURL(name).path)
        let result = world.withLock { world -> ARISimReply in
            guard let bridge = world.bridges[id] else { return .bridgeNotFound }
            if world.recordings[name] != nil || (fileExists && ifExists == "fail") {
                return .error(409, "Recording with the same name already exists on the system")
            }
            let recording = ARILiveRecording(name: name, format: format, targetURI: "bridge:\(id)", state: "queued")
            world.recordings[name] = ARISimRecording(recording: recording, application: bridge.applications.sorted().first, started: .now)
            return .json(recording, status: 201, headers: [("Location", "/recordings/live/\(name)")])
        }
        guard result.status == 201 else { return result }
        scheduleRecordingStart(name, maxDurationSeconds: request.first("maxDurationSeconds").flatMap(Int.init))
        return result
    }

    /// A queued recording starts (`RecordingStarted`) after the event delay, and stops by itself
    /// after `maxDurationSeconds` when given, as Asterisk's bridge and channel recordings do.
    func scheduleRecordingStart(_ name: String, maxDurationSeconds: Int?) {
        schedule(after: configuration.eventDelay) {
            self.world.withLock { world in
                guard var entry = world.recordings[name], entry.recording.state == "queued" else { return }
                entry.recording.state = "recording"
                entry.started = .now
                world.recordings[name] = entry
                world.emit(.recordingStarted(ARIRecordingEvent(recording: entry.recording)), to: entry.application)
            }
        }
        if let seconds = maxDurationSeconds, seconds > 0 {
            schedule(after: .seconds(seconds)) { _ = self.finishRecording(name, cancel: false) }
        }
    }

    func getLiveRecording(_ name: String) -> ARISimReply {
        world.withLock { world in
            guard let entry = world.recordings[name] else { return .recordingNotFound }
            return .json(entry.recording)
        }
    }

    /// Stop (keep the WAV, `RecordingFinished`) or cancel (discard, `RecordingFailed` with state `canceled`).
    func finishRecording(_ name: String, cancel: Bool) -> ARISimReply {
        let (reply, pending) = world.withLock { world -> (ARISimReply, ARISimPendingWAV?) in
            guard let entry = world.recordings[name] else { return (.recordingNotFound, nil) }
            return (.noContent, completeRecording(&world, name: name, recording: entry, cancel: cancel))
        }
        if let pending { write(pending) }
        return reply
    }

    /// Ends a recording in the world; a kept one returns the file still to write, which the
    /// caller writes with ``write(_:)`` once the world lock is released (file I/O under it would
    /// stall every request and event, where Asterisk writes recordings in threads of their own).
    func completeRecording(_ world: inout ARISimWorld, name: String, recording entry: ARISimRecording, cancel: Bool) -> ARISimPendingWAV? {
        world.recordings[name] = nil
        var recording = entry.recording
        if cancel {
            recording.state = "canceled"
            world.emit(.recordingFailed(ARIRecordingEvent(recording: recording)), to: entry.application)
            return nil
        }
        let elapsed = ContinuousClock.now - entry.started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return ARISimPendingWAV(url: fileURL(name), milliseconds: milliseconds, recording: recording, application: entry.application)
    }

    /// Writes a finished recording's WAV on the recording writer, then sends `RecordingFinished`
    /// (or `RecordingFailed`).
    func write(_ pending: ARISimPendingWAV) {
        recordingWriter.async { self.writeNow(pending) }
    }

    private func writeNow(_ pending: ARISimPendingWAV) {
        var recording = pending.recording
        do {
            try FileManager.default.createDirectory(at: pending.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(WAVFile.tone(milliseconds: min(max(pending.milliseconds, 100), 60_000))).write(to: pending.url)
            recording.state = "done"
            recording.duration = pending.milliseconds / 1000
            world.withLock { $0.emit(.recordingFinished(ARIRecordingEvent(recording: recording)), to: pending.application) }
        } catch {
            recording.state = "failed"
            recording.cause = "\(error)"
            world.withLock { $0.emit(.recordingFailed(ARIRecordingEvent(recording: recording)), to: pending.application) }
        }
    }

    func fileURL(_ name: String) -> URL {
        configuration.recordingsDirectory.appendingPathComponent(name + ".wav")
    }

    private func isSafe(_ name: String) -> Bool { !name.contains("..") && !name.hasPrefix("/") }

    /// Waits for the WAVs still to be written. Asterisk's file is on disk while it records, so a
    /// stopped recording is stored at once; every stored-recording request reads after this.
    private func settleRecordings() { recordingWriter.sync {} }

    func listStoredRecordings() -> ARISimReply {
        settleRecordings()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: configuration.recordingsDirectory.path)) ?? []
        let stored = files.filter { $0.hasSuffix(".wav") }.sorted().map { ARIStoredRecording(name: String($0.dropLast(4)), format: "wav") }
        return .json(stored)
    }

    func getStoredRecording(_ name: String) -> ARISimReply {
        settleRecordings()
        guard isSafe(name), FileManager.default.fileExists(atPath: fileURL(name).path) else { return .recordingNotFound }
        return .json(ARIStoredRecording(name: name, format: "wav"))
    }

    func storedRecordingFile(_ name: String) -> ARISimReply {
        settleRecordings()
        guard isSafe(name), let data = FileManager.default.contents(atPath: fileURL(name).path) else { return .recordingNotFound }
        return ARISimReply(status: 200, headers: [("Content-Type", "audio/wav")], body: Array(data))
    }

    func deleteStoredRecording(_ name: String) -> ARISimReply {
        settleRecordings()
        guard isSafe(name), (try? FileManager.default.removeItem(at: fileURL(name))) != nil else { return .recordingNotFound }
        return .noContent
    }
}
