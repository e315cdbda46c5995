import NIOHTTP1

extension ARIRESTClient {
    /// `POST /bridges`: a bridge of the given types (`mixing`, `holding`, `dtmf_events`, …).
    public func createBridge(types: [ARIBridgeType] = [.mixing], bridgeID: String? = nil, name: String? = nil) async throws(ARIError) -> ARIBridge {
        var query: [(String, String)] = [("type", types.map(\.rawValue).joined(separator: ","))]
        query.add("bridgeId", bridgeID)
        query.add("name", name)
        return try await json(ARIBridge.self, .POST, ["bridges"], query: query)
    }

    /// `GET /bridges`.
    public func bridges() async throws(ARIError) -> [ARIBridge] {
        try await json([ARIBridge].self, .GET, ["bridges"])
    }

    /// `GET /bridges/{id}`.
    public func bridge(_ bridgeID: String) async throws(ARIError) -> ARIBridge {
        try await json(ARIBridge.self, .GET, ["bridges", bridgeID])
    }

    /// `DELETE /bridges/{id}`: destroys the bridge; its channels stay in Stasis.
    public func destroyBridge(_ bridgeID: String) async throws(ARIError) {
        try await void(.DELETE, ["bridges", bridgeID])
    }

    /// `POST /bridges/{id}/addChannel`. An unknown channel is a 400 (``ARIError/Code/badRequest``)
    /// with "Channel not found", a channel outside Stasis a 422.
    public func addChannels(_ bridgeID: String, _ channelIDs: [String], role: String? = nil) async throws(ARIError) {
        var query: [(String, String)] = [("channel", channelIDs.joined(separator: ","))]
        query.add("role", role)
        try await void(.POST, ["bridges", bridgeID, "addChannel"], query: query)
    }

    /// `POST /bridges/{id}/removeChannel`.
    public func removeChannels(_ bridgeID: String, _ channelIDs: [String]) async throws(ARIError) {
        try await void(.POST, ["bridges", bridgeID, "removeChannel"], query: [("channel", channelIDs.joined(separator: ","))])
    }

    /// `POST /bridges/{id}/moh`: music on hold to the whole bridge (holding callers).
    public func startBridgeMOH(_ bridgeID: String, mohClass: String? = nil) async throws(ARIError) {
        var query: [(String, String)] = []
        query.add("mohClass", mohClass)
        try await void(.POST, ["bridges", bridgeID, "moh"], query: query)
    }

    /// `DELETE /bridges/{id}/moh`.
    public func stopBridgeMOH(_ bridgeID: String) async throws(ARIError) {
        try await void(.DELETE, ["bridges", bridgeID, "moh"])
    }

    /// `POST /bridges/{id}/play[/{playbackId}]`: plays media to every channel in the bridge (201).
    public func playOnBridge(_ bridgeID: String, media: [String], playbackID: String? = nil) async throws(ARIError) -> ARIPlayback {
        var path = ["bridges", bridgeID, "play"]
        if let playbackID { path.append(playbackID) }
        return try await json(ARIPlayback.self, .POST, path, query: media.map { ("media", $0) })
    }

    /// `POST /bridges/{id}/record`: records the bridge's mix (201); `RecordingStarted`/`Finished` follow.
    public func recordBridge(_ bridgeID: String, _ record: ARIRecordRequest) async throws(ARIError) -> ARILiveRecording {
        try await json(ARILiveRecording.self, .POST, ["bridges", bridgeID, "record"], query: record.query)
    }
}

/// Parameters of a bridge or channel recording.
public struct ARIRecordRequest: Sendable, Hashable {
    /// Recording name (a path below Asterisk's recording directory, without extension).
    public var name: String
    /// File format, e.g. `wav`.
    public var format: String
    /// Longest recording in seconds (0: no limit).
    public var maxDurationSeconds: Int?
    /// Longest silence in seconds before stopping (0: no limit).
    public var maxSilenceSeconds: Int?
    /// `fail`, `overwrite` or `append` when the name exists.
    public var ifExists: String?
    /// Whether to beep first.
    public var beep: Bool?
    /// DTMF that stops the recording: `none`, `any`, `*`, `#`.
    public var terminateOn: String?

    /// A recording request.
    public init(
        name: String, format: String = "wav", maxDurationSeconds: Int? = nil, maxSilenceSeconds: Int? = nil,
        ifExists: String? = nil, beep: Bool? = nil, terminateOn: String? = nil
    ) {
        self.name = name
        self.format = format
        self.maxDurationSeconds = maxDurationSeconds
        self.maxSilenceSeconds = maxSilenceSeconds
        self.ifExists = ifExists
        self.beep = beep
        self.terminateOn = terminateOn
    }

    var query: [(String, String)] {
        var query: [(String, String)] = [("name", name), ("format", format)]
        query.add("maxDurationSeconds", maxDurationSeconds)
        query.add("maxSilenceSeconds", maxSilenceSeconds)
        query.add("ifExists", ifExists)
        query.add("beep", beep)
        query.add("terminateOn", terminateOn)
        return query
    }
}
