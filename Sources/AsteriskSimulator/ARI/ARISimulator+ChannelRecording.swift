import ARI
import Foundation
import Synchronization

extension ARISimulator {
    /// `POST /channels/{id}/record`: records the caller into a WAV file (201), with
    /// `RecordingStarted`, then `RecordingFinished` on stop, `maxDurationSeconds` or hang-up.
    /// 404 unknown channel, 409 not in Stasis or name in use, 412 not answered, 422 bad format.
    func recordChannel(_ id: String, _ request: ARISimRequest) -> ARISimReply {
        guard let name = request.first("name"), !name.isEmpty else { return .error(400, "Recording name is required") }
        let format = request.first("format") ?? ""
        guard format == "wav" else { return .error(422, "Recording format not supported") }
        let ifExists = request.first("ifExists") ?? "fail"
        let url = fileURL(name)
        let fileExists = FileManager.default.fileExists(atPath: url.path)
        let result = world.withLock { world -> ARISimReply in
            if let failure = world.check(id, needsAnswer: true) { return failure }
            if world.recordings[name] != nil || (fileExists && ifExists == "fail") {
                return .error(409, "Recording with the same name already exists on the system")
            }
            let recording = ARILiveRecording(name: name, format: format, targetURI: "channel:\(id)", state: "queued")
            world.recordings[name] = ARISimRecording(
                recording: recording, application: world.channels[id]?.application, started: .now, fileURL: url)
            return .json(recording, status: 201, headers: [("Location", "/recordings/live/\(name)")])
        }
        guard result.status == 201 else { return result }
        scheduleRecordingStart(name, maxDurationSeconds: request.first("maxDurationSeconds").flatMap(Int.init))
        return result
    }
}

extension ARISimWorld {
    /// A hung-up channel's recordings end as Asterisk ends them: the file is kept and
    /// `RecordingFinished` follows (only recordings made with `POST /channels/{id}/record`).
    mutating func stopRecordings(ofChannel id: String) {
        let target = "channel:\(id)"
        for name in recordings.names(recording: target) {
            guard let entry = recordings[name] else { continue }
            recordings[name] = nil
            var recording = entry.recording
            let elapsed = ContinuousClock.now - entry.started
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            do {
                guard let url = entry.fileURL else { throw ARISimulatorError(message: "no file for \(name)") }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(WAVFile.tone(milliseconds: min(max(milliseconds, 100), 60_000))).write(to: url)
                recording.state = "done"
                recording.duration = milliseconds / 1000
                emit(.recordingFinished(ARIRecordingEvent(recording: recording)), to: entry.application)
            } catch {
                recording.state = "failed"
                recording.cause = "\(error)"
                emit(.recordingFailed(ARIRecordingEvent(recording: recording)), to: entry.application)
            }
        }
    }
}
