import NIOHTTP1

extension ARIRESTClient {
    /// `POST /channels/{id}/record`: records what the caller says (201); `RecordingStarted`, then
    /// `RecordingFinished` or `RecordingFailed` follow. The channel must be answered (412 otherwise).
    public func record(_ channelID: String, _ record: ARIRecordRequest) async throws(ARIError) -> ARILiveRecording {
        try await json(ARILiveRecording.self, .POST, ["channels", channelID, "record"], query: record.query)
    }
}
