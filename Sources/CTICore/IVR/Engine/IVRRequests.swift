import Foundation

/// Play `media` (one ARI playback of several URIs) in `language`.
public struct IVRPlayback: Sendable, Hashable {
    public let id: IVRPlaybackID
    public let media: [String]
    public let language: String

    public init(id: IVRPlaybackID, media: [String], language: String) {
        self.id = id
        self.media = media
        self.language = language
    }
}

/// Find the customer for a caller ID; answer with `.lookupResult(id, …)`.
public struct IVRLookupRequest: Sendable, Hashable {
    public let id: IVRLookupID
    public let callerID: String

    public init(id: IVRLookupID, callerID: String) {
        self.id = id
        self.callerID = callerID
    }
}

/// Hand the call to the ACD.
public struct IVREnqueueRequest: Sendable, Hashable {
    public let queue: String
    /// Required skill → minimum level.
    public let skills: [String: Int]
    public let priority: Int
    /// The caller's route, for the screen-pop.
    public let path: IVRPath

    public init(queue: String, skills: [String: Int], priority: Int, path: IVRPath) {
        self.queue = queue
        self.skills = skills
        self.priority = priority
        self.path = path
    }
}

/// Call the caller back later, keeping their place in line from `requestedAt`.
public struct IVRCallbackRequest: Sendable, Hashable {
    public let queue: String
    public let number: String
    public let priority: Int
    /// When the callback was asked for; the ACD orders callbacks by it.
    public let requestedAt: Date
    public let path: IVRPath

    public init(queue: String, number: String, priority: Int, requestedAt: Date, path: IVRPath) {
        self.queue = queue
        self.number = number
        self.priority = priority
        self.requestedAt = requestedAt
        self.path = path
    }
}

/// Continue the channel in the dialplan at an extension (ARI `continue`).
public struct IVRTransferRequest: Sendable, Hashable {
    public let `extension`: String
    public let context: String?
    public let path: IVRPath

    public init(extension: String, context: String?, path: IVRPath) {
        self.extension = `extension`
        self.context = context
        self.path = path
    }
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

    public init(name: String, maxDurationSeconds: Double, maxSilenceSeconds: Double?, beep: Bool, terminateOn: String?) {
        self.name = name
        self.maxDurationSeconds = maxDurationSeconds
        self.maxSilenceSeconds = maxSilenceSeconds
        self.beep = beep
        self.terminateOn = terminateOn
    }
}

/// A recorded message to store for a mailbox.
public struct IVRMessage: Sendable, Hashable, Codable {
    public let mailbox: String
    public let recordingName: String
    public let durationSeconds: Double?
    public let callerID: String
    public let recordedAt: Date
    public let flowID: String

    public init(mailbox: String, recordingName: String, durationSeconds: Double?, callerID: String, recordedAt: Date, flowID: String) {
        self.mailbox = mailbox
        self.recordingName = recordingName
        self.durationSeconds = durationSeconds
        self.callerID = callerID
        self.recordedAt = recordedAt
        self.flowID = flowID
    }
}

/// Survey scores to store.
public struct IVRSurveyResult: Sendable, Hashable, Codable {
    /// One question's score, nil when the caller gave no valid answer.
    public struct Answer: Sendable, Hashable, Codable {
        public let question: String
        public let score: Int?

        public init(question: String, score: Int?) {
            self.question = question
            self.score = score
        }
    }

    public let survey: String
    public let flowID: String
    public let flowVersion: Int
    public let channelID: String
    public let callerID: String
    public let answers: [Answer]
    public let completedAt: Date

    public init(survey: String, flowID: String, flowVersion: Int, channelID: String, callerID: String, answers: [Answer], completedAt: Date) {
        self.survey = survey
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.channelID = channelID
        self.callerID = callerID
        self.answers = answers
        self.completedAt = completedAt
    }
}
