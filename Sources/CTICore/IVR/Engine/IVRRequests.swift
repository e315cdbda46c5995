import Foundation

/// Play `media` (one ARI playback of several URIs) in `language`.
public struct IVRPlayback: Sendable, Hashable {
    public let id: IVRPlaybackID
    public let media: [String]
    public let language: String
}

/// Find the customer for a caller ID; answer with `.lookupResult(id, …)`.
public struct IVRLookupRequest: Sendable, Hashable {
    public let id: IVRLookupID
    public let callerID: String
}

/// Hand the call to the ACD.
public struct IVREnqueueRequest: Sendable, Hashable {
    public let queue: String
    /// Required skill → minimum level.
    public let skills: [String: Int]
    public let priority: Int
    /// The caller's route, for the screen-pop.
    public let path: IVRPath
}

/// Call the caller back later, keeping their place in line from `requestedAt`.
public struct IVRCallbackRequest: Sendable, Hashable {
    public let queue: String
    public let number: String
    public let priority: Int
    /// When the callback was asked for; the ACD orders callbacks by it.
    public let requestedAt: Date
    public let path: IVRPath
}

/// Continue the channel in the dialplan at an extension (ARI `continue`).
public struct IVRTransferRequest: Sendable, Hashable {
    public let `extension`: String
    public let context: String?
    public let path: IVRPath
}

/// Record the caller (ARI `record`); answer with `.recordingFinished` or `.recordingFailed`.
public struct IVRRecordRequest: Sendable, Hashable {
    /// Recording name, unique per call.
    public let name: String
    public let maxDurationSeconds: Double
    public let maxSilenceSeconds: Double?
    public let beep: Bool
    /// ARI `terminateOn`: `#`, `*`, `any`, or nil for none.
    public let terminateOn: String?
}

/// A recorded message to store for a mailbox.
public struct IVRMessage: Sendable, Hashable, Codable {
    public let mailbox: String
    public let recordingName: String
    public let durationSeconds: Double?
    public let callerID: String
    public let recordedAt: Date
    public let flowID: String
}

/// Survey scores to store.
public struct IVRSurveyResult: Sendable, Hashable, Codable {
    /// One question's score, nil when the caller gave no valid answer.
    public struct Answer: Sendable, Hashable, Codable {
        public let question: String
        public let score: Int?
    }

    public let survey: String
    public let flowID: String
    public let flowVersion: Int
    public let channelID: String
    public let callerID: String
    public let answers: [Answer]
    public let completedAt: Date
}
