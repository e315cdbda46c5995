import Foundation

/// The route a caller took through the IVR: nodes, digits, lookups and variables.
///
/// It travels with the enqueue, transfer and callback decisions, for the agent's screen-pop.
public struct IVRPath: Sendable, Hashable, Codable {
    /// The flow and the version the call ran on.
    public var flowID: String
    public var flowVersion: Int
    /// The call as it entered.
    public var call: IVRCallInfo?
    /// Every step, in order.
    public var steps: [Step]
    /// Call variables (collected digits, set values, customer fields).
    public var variables: [String: String]
    /// Current prompt language.
    public var language: String
    /// The customer the CRM matched, if any.
    public var customer: IVRCustomer?

    public init(flowID: String, flowVersion: Int, language: String) {
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.call = nil
        self.steps = []
        self.variables = [:]
        self.language = language
        self.customer = nil
    }

    /// One thing that happened at a node.
    public struct Step: Sendable, Hashable, Codable {
        public var nodeID: String
        public var at: Date
        public var event: Event

        public init(nodeID: String, at: Date, event: Event) {
            self.nodeID = nodeID
            self.at = at
            self.event = event
        }
    }

    /// What happened.
    public enum Event: Sendable, Hashable, Codable {
        /// The call reached the node.
        case entered
        /// Accepted input: a menu digit, a collected entry (masked if sensitive), a score.
        case pressed(digits: String)
        /// Input the node rejected.
        case invalidInput(digits: String)
        /// No input before the timeout.
        case noInput
        /// Retries used up; the fallback was taken.
        case retriesExhausted
        /// A time condition's result: `open`, `closed` or `holiday`.
        case branch(String)
        /// A CRM lookup's result: `found`, `vip`, `notFound`, `withheld`, `failed` or `timedOut`.
        case lookup(result: String, customerID: String?)
        /// A variable was set.
        case variable(name: String, value: String)
        /// The prompt language changed.
        case language(String)
        /// A prompt failed or never started; the flow went on as if it had played.
        case playbackFailed
        /// A message was recorded.
        case recorded(name: String)
        /// Recording failed or overran.
        case recordingFailed
        /// A survey question was answered (nil: no valid answer).
        case surveyAnswer(question: String, score: Int?)
        /// A callback was booked, or could not be (no number).
        case callback(booked: Bool)
        /// The caller hung up here.
        case callerHungUp
        /// The engine stopped the flow (a runaway loop).
        case aborted(String)
    }
}
