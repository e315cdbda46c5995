import CTICore
import Foundation

/// A queue's recording setting in the site file: `"all"`, `"none"` or a percentage (`25`).
public struct RecordingSetting: Decodable, Sendable, Hashable {
    public var mode: RecordingPolicy.Mode

    public init(_ mode: RecordingPolicy.Mode) { self.mode = mode }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let share = try? container.decode(Double.self) {
            mode = .percentage(share)
            return
        }
        switch try container.decode(String.self).lowercased() {
        case "all": mode = .all
        case "none": mode = .none
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \"all\", \"none\" or a percentage, got \"\(other)\"")
        }
    }
}

extension SiteConfiguration {
    /// The per-queue recording and retention policies the site file describes.
    func qaPolicies() -> (RecordingPolicy, RetentionPolicy) {
        var recording = RecordingPolicy()
        var retention = RetentionPolicy()
        for queue in queues {
            if let setting = queue.recording { recording.queues[queue.id] = setting.mode }
            if let days = queue.retentionDays { retention.queues[queue.id] = days }
        }
        return (recording, retention)
    }
}
