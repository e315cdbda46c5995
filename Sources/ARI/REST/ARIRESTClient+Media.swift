import NIOHTTP1

extension ARIRESTClient {
    // MARK: Playbacks

    /// `GET /playbacks/{id}`.
    public func playback(_ playbackID: String) async throws(ARIError) -> ARIPlayback {
        try await json(ARIPlayback.self, .GET, ["playbacks", playbackID])
    }

    /// `DELETE /playbacks/{id}`: stops a playback (barge-in). With `ignoreMissing`, a playback that
    /// already finished (404) is not an error, as cleanup code wants.
    public func stopPlayback(_ playbackID: String, ignoreMissing: Bool = false) async throws(ARIError) {
        do {
            try await void(.DELETE, ["playbacks", playbackID])
        } catch where ignoreMissing && error.code == .notFound {
            return
        }
    }

    /// `POST /playbacks/{id}/control`: `restart`, `pause`, `unpause`, `reverse`, `forward`.
    public func controlPlayback(_ playbackID: String, operation: String) async throws(ARIError) {
        try await void(.POST, ["playbacks", playbackID, "control"], query: [("operation", operation)])
    }

    // MARK: Recordings

    /// `GET /recordings/stored`.
    public func storedRecordings() async throws(ARIError) -> [ARIStoredRecording] {
        try await json([ARIStoredRecording].self, .GET, ["recordings", "stored"])
    }

    /// `GET /recordings/stored/{name}`.
    public func storedRecording(_ name: String) async throws(ARIError) -> ARIStoredRecording {
        try await json(ARIStoredRecording.self, .GET, ["recordings", "stored", name])
    }

    /// `GET /recordings/stored/{name}/file`: the recording's bytes.
    public func storedRecordingFile(_ name: String, timeout: Duration? = nil) async throws(ARIError) -> [UInt8] {
        try await send(.GET, ["recordings", "stored", name, "file"], timeout: timeout).body
    }

    /// `DELETE /recordings/stored/{name}`.
    public func deleteStoredRecording(_ name: String) async throws(ARIError) {
        try await void(.DELETE, ["recordings", "stored", name])
    }

    /// `GET /recordings/live/{name}`.
    public func liveRecording(_ name: String) async throws(ARIError) -> ARILiveRecording {
        try await json(ARILiveRecording.self, .GET, ["recordings", "live", name])
    }

    /// `POST /recordings/live/{name}/stop`: stops and keeps the recording.
    public func stopLiveRecording(_ name: String) async throws(ARIError) {
        try await void(.POST, ["recordings", "live", name, "stop"])
    }

    /// `DELETE /recordings/live/{name}`: stops and discards the recording.
    public func cancelLiveRecording(_ name: String) async throws(ARIError) {
        try await void(.DELETE, ["recordings", "live", name])
    }
}
