import CTICore
import Synchronization

/// Where the IVR puts what callers leave behind: survey answers, callback requests, messages.
public protocol IVROutcomeSink: Sendable {
    /// A survey finished (unanswered questions have a nil score).
    func surveyCompleted(_ result: IVRSurveyResult) async
    /// A caller asked to be called back; their place in line is `request.requestedAt`.
    func callbackRequested(_ request: IVRCallbackRequest, channelID: String) async
    /// A voicemail-style message was recorded (also when the caller hung up to end it).
    func messageRecorded(_ message: IVRMessage) async
}

/// An in-memory ``IVROutcomeSink`` for the demo and tests.
public final class IVROutcomeLog: IVROutcomeSink {
    private struct State {
        var surveys: [IVRSurveyResult] = []
        var callbacks: [IVRCallbackRequest] = []
        var messages: [IVRMessage] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Surveys stored so far, oldest first.
    public var surveys: [IVRSurveyResult] { state.withLock { $0.surveys } }
    /// Callback requests so far, oldest first.
    public var callbacks: [IVRCallbackRequest] { state.withLock { $0.callbacks } }
    /// Messages so far, oldest first.
    public var messages: [IVRMessage] { state.withLock { $0.messages } }

    public func surveyCompleted(_ result: IVRSurveyResult) async { state.withLock { $0.surveys.append(result) } }
    public func callbackRequested(_ request: IVRCallbackRequest, channelID: String) async { state.withLock { $0.callbacks.append(request) } }
    public func messageRecorded(_ message: IVRMessage) async { state.withLock { $0.messages.append(message) } }
}
