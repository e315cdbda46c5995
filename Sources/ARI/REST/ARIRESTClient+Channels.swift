import Foundation
import NIOHTTP1

extension ARIRESTClient {
    /// `POST /channels`: originates a call; returns the new channel (state `Down` at first).
    public func originate(_ originate: ARIOriginate) async throws(ARIError) -> ARIChannel {
        try await json(ARIChannel.self, .POST, ["channels"], query: originate.query, jsonBody: variablesBody(originate.variables))
    }

    /// `POST /channels/create`: creates a channel in Stasis without dialing; follow with ``dial(_:caller:timeoutSeconds:)``.
    public func createChannel(
        endpoint: String, application: String, appArgs: [String] = [], channelID: String? = nil,
        otherChannelID: String? = nil, variables: [String: String] = [:]
    ) async throws(ARIError) -> ARIChannel {
        var query: [(String, String)] = [("endpoint", endpoint), ("app", application)]
        if !appArgs.isEmpty { query.append(("appArgs", appArgs.joined(separator: ","))) }
        query.add("channelId", channelID)
        query.add("otherChannelId", otherChannelID)
        return try await json(ARIChannel.self, .POST, ["channels", "create"], query: query, jsonBody: variablesBody(variables))
    }

    /// `POST /channels/{id}/dial`: dials a channel made by ``createChannel(endpoint:application:appArgs:channelID:otherChannelID:variables:)``.
    public func dial(_ channelID: String, caller: String? = nil, timeoutSeconds: Int? = nil) async throws(ARIError) {
        var query: [(String, String)] = []
        query.add("caller", caller)
        query.add("timeout", timeoutSeconds)
        try await void(.POST, ["channels", channelID, "dial"], query: query)
    }

    /// `GET /channels`: every channel.
    public func channels() async throws(ARIError) -> [ARIChannel] {
        try await json([ARIChannel].self, .GET, ["channels"])
    }

    /// `GET /channels/{id}`.
    public func channel(_ channelID: String) async throws(ARIError) -> ARIChannel {
        try await json(ARIChannel.self, .GET, ["channels", channelID])
    }

    /// `DELETE /channels/{id}`: hangs up (`reason`: normal, busy, congestion, no_answer, …).
    public func hangup(_ channelID: String, reason: String? = nil) async throws(ARIError) {
        var query: [(String, String)] = []
        query.add("reason", reason)
        try await void(.DELETE, ["channels", channelID], query: query)
    }

    /// `POST /channels/{id}/answer`.
    public func answer(_ channelID: String) async throws(ARIError) {
        try await void(.POST, ["channels", channelID, "answer"])
    }

    /// `POST /channels/{id}/ring`: indicates ringing.
    public func ring(_ channelID: String) async throws(ARIError) {
        try await void(.POST, ["channels", channelID, "ring"])
    }

    /// `DELETE /channels/{id}/ring`.
    public func stopRinging(_ channelID: String) async throws(ARIError) {
        try await void(.DELETE, ["channels", channelID, "ring"])
    }

    /// `POST /channels/{id}/hold`.
    public func hold(_ channelID: String) async throws(ARIError) {
        try await void(.POST, ["channels", channelID, "hold"])
    }

    /// `DELETE /channels/{id}/hold`.
    public func unhold(_ channelID: String) async throws(ARIError) {
        try await void(.DELETE, ["channels", channelID, "hold"])
    }

    /// `POST /channels/{id}/moh`: music on hold to the channel.
    public func startMOH(_ channelID: String, mohClass: String? = nil) async throws(ARIError) {
        var query: [(String, String)] = []
        query.add("mohClass", mohClass)
        try await void(.POST, ["channels", channelID, "moh"], query: query)
    }

    /// `DELETE /channels/{id}/moh`.
    public func stopMOH(_ channelID: String) async throws(ARIError) {
        try await void(.DELETE, ["channels", channelID, "moh"])
    }

    /// `POST /channels/{id}/play[/{playbackId}]`: plays the media URIs in order (answer 201).
    /// Failure to find a sound arrives later as `PlaybackFinished` with state `failed`.
    public func play(
        _ channelID: String, media: [String], playbackID: String? = nil, language: String? = nil
    ) async throws(ARIError) -> ARIPlayback {
        var path = ["channels", channelID, "play"]
        if let playbackID { path.append(playbackID) }
        var query = media.map { ("media", $0) }
        query.add("lang", language)
        return try await json(ARIPlayback.self, .POST, path, query: query)
    }

    /// `POST /channels/{id}/dtmf`: sends digits to the channel.
    public func sendDTMF(_ channelID: String, _ dtmf: String, betweenMs: Int? = nil, durationMs: Int? = nil) async throws(ARIError) {
        var query: [(String, String)] = [("dtmf", dtmf)]
        query.add("between", betweenMs)
        query.add("duration", durationMs)
        try await void(.POST, ["channels", channelID, "dtmf"], query: query)
    }

    /// `POST /channels/{id}/continue`: leaves Stasis back into the dialplan (a `StasisEnd` follows).
    public func continueInDialplan(
        _ channelID: String, context: String? = nil, extension exten: String? = nil, priority: Int? = nil, label: String? = nil
    ) async throws(ARIError) {
        var query: [(String, String)] = []
        query.add("context", context)
        query.add("extension", exten)
        query.add("priority", priority)
        query.add("label", label)
        try await void(.POST, ["channels", channelID, "continue"], query: query)
    }

    /// `GET /channels/{id}/variable`: a channel variable or function (`CHANNEL(linkedid)`).
    public func variable(_ channelID: String, _ name: String) async throws(ARIError) -> String {
        try await json(ARIVariable.self, .GET, ["channels", channelID, "variable"], query: [("variable", name)]).value
    }

    /// `POST /channels/{id}/variable`.
    public func setVariable(_ channelID: String, _ name: String, value: String) async throws(ARIError) {
        try await void(.POST, ["channels", channelID, "variable"], query: [("variable", name), ("value", value)])
    }

    /// `POST /channels/{id}/snoop[/{snoopId}]`: a channel that listens (`spy`) and/or talks
    /// (`whisper`) to `channelID`, placed in `application`. Values: none, both, out, in.
    public func snoop(
        _ channelID: String, application: String, spy: String? = nil, whisper: String? = nil, appArgs: [String] = [],
        snoopID: String? = nil
    ) async throws(ARIError) -> ARIChannel {
        var path = ["channels", channelID, "snoop"]
        if let snoopID { path.append(snoopID) }
        var query: [(String, String)] = [("app", application)]
        query.add("spy", spy)
        query.add("whisper", whisper)
        if !appArgs.isEmpty { query.append(("appArgs", appArgs.joined(separator: ","))) }
        return try await json(ARIChannel.self, .POST, path, query: query)
    }

    private func variablesBody(_ variables: [String: String]) -> [UInt8]? {
        guard !variables.isEmpty else { return nil }
        return (try? JSONEncoder().encode(ARIVariablesBody(variables: variables))).map { Array($0) }
    }
}
