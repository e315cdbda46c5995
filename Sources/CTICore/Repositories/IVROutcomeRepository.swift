import Foundation

/// A stored callback request: what the caller asked for and whether it has been dialled yet.
public struct StoredCallbackRequest: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case pending, dialled, completed, failed }

    public var id: Int64
    public var channelID: String
    public var queue: String
    public var number: String
    public var priority: Int
    public var requestedAt: Date
    public var flowID: String
    public var status: Status

    public init(
        id: Int64, channelID: String, queue: String, number: String, priority: Int, requestedAt: Date, flowID: String, status: Status
    ) {
        self.id = id
        self.channelID = channelID
        self.queue = queue
        self.number = number
        self.priority = priority
        self.requestedAt = requestedAt
        self.flowID = flowID
        self.status = status
    }
}

/// A stored survey with its average score (nil when no question was answered).
public struct StoredSurvey: Sendable, Hashable, Codable {
    public var id: Int64
    public var result: IVRSurveyResult
    public var averageScore: Double?

    public init(id: Int64, result: IVRSurveyResult, averageScore: Double?) {
        self.id = id
        self.result = result
        self.averageScore = averageScore
    }
}

/// What callers leave in the IVR: survey answers, callback requests and recorded messages.
public protocol IVROutcomeRepository: Sendable {
    /// Stores a finished survey.
    func record(survey: IVRSurveyResult) async throws -> StoredSurvey
    /// Stores a callback request made on `channelID`, pending.
    func record(callback: IVRCallbackRequest, channelID: String) async throws -> StoredCallbackRequest
    /// Stores a recorded message.
    func record(message: IVRMessage) async throws
    /// Surveys, newest first; only those scoring at most `maximumAverage` when given.
    func surveys(maximumAverage: Double?, page: PageRequest) async throws -> Page<StoredSurvey>
    /// Callback requests in `status`, oldest request first (their place in line).
    func callbacks(status: StoredCallbackRequest.Status, page: PageRequest) async throws -> Page<StoredCallbackRequest>
    /// Moves callback `id` to `status`; `notFound` when there is none.
    func setCallbackStatus(id: Int64, _ status: StoredCallbackRequest.Status) async throws
    /// Messages left in `mailbox` (all when nil), newest first.
    func messages(mailbox: String?, page: PageRequest) async throws -> Page<IVRMessage>
}

extension IVRSurveyResult {
    /// The mean of the answered questions' scores; nil when none was answered.
    public var averageScore: Double? {
        let scores = answers.compactMap(\.score)
        guard !scores.isEmpty else { return nil }
        return Double(scores.reduce(0, +)) / Double(scores.count)
    }
}
