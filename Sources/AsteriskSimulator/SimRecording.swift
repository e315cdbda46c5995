/// A MixMonitor recording that has ended (StopMixMonitor or hang-up): the file Asterisk would
/// now have closed, and how long it ran.
public struct SimRecording: Sendable, Hashable {
    /// The channel's Uniqueid.
    public var channel: String
    /// The file's full path (`MIXMONITOR_FILENAME`).
    public var path: String
    /// How long it recorded.
    public var duration: Duration
}

extension SimulatedPBX {
    /// Ends a channel's recording: `MixMonitorStop`, and the file goes to the recordings outbox.
    mutating func finishMixMonitor(_ id: String) {
        guard let channel = channels[id], let path = channel.mixMonitorFile else { return }
        channels[id]?.mixMonitorFile = nil
        channels[id]?.mixMonitorStartedAt = nil
        let duration = channel.mixMonitorStartedAt.map { now - $0 } ?? .zero
        finishedRecordings.append(SimRecording(channel: id, path: path, duration: duration))
        emitChannelEvent("MixMonitorStop", id)
    }

    /// The recordings that ended since the last call, oldest first (the live simulator writes their files).
    public mutating func drainRecordings() -> [SimRecording] {
        defer { finishedRecordings.removeAll(keepingCapacity: true) }
        return finishedRecordings
    }
}
