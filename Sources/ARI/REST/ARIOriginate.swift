/// A `POST /channels` originate: the endpoint plus either a dialplan target or a Stasis app.
///
/// Always preset ``channelID`` (and ``otherChannelID`` for Local channels) so events can be matched
/// before the answer arrives. A Local channel starts in state `Down`.
public struct ARIOriginate: Sendable, Hashable {
    /// Where the new channel goes after answering.
    public enum Target: Sendable, Hashable {
        /// Into the dialplan.
        case dialplan(context: String, extension: String, priority: Int = 1)
        /// Into a Stasis application, with its arguments.
        case application(String, args: [String] = [])
    }

    /// The endpoint to call, e.g. `PJSIP/1001` or `Local/1001@agents/n`.
    public var endpoint: String
    /// Dialplan or application.
    public var target: Target
    /// Preset unique id of the channel.
    public var channelID: String?
    /// Preset unique id of the second half of a Local channel.
    public var otherChannelID: String?
    /// `"Name" <number>`.
    public var callerID: String?
    /// Ring timeout in seconds (Asterisk's default is 30).
    public var timeoutSeconds: Int?
    /// Variables set on the new channel (`{"variables": {…}}` body).
    public var variables: [String: String]

    /// An originate request.
    public init(
        endpoint: String, target: Target, channelID: String? = nil, otherChannelID: String? = nil, callerID: String? = nil,
        timeoutSeconds: Int? = nil, variables: [String: String] = [:]
    ) {
        self.endpoint = endpoint
        self.target = target
        self.channelID = channelID
        self.otherChannelID = otherChannelID
        self.callerID = callerID
        self.timeoutSeconds = timeoutSeconds
        self.variables = variables
    }

    var query: [(String, String)] {
        var query: [(String, String)] = [("endpoint", endpoint)]
        switch target {
        case .dialplan(let context, let exten, let priority):
            query += [("extension", exten), ("context", context), ("priority", String(priority))]
        case .application(let app, let args):
            query.append(("app", app))
            if !args.isEmpty { query.append(("appArgs", args.joined(separator: ","))) }
        }
        query.add("callerId", callerID)
        query.add("timeout", timeoutSeconds)
        query.add("channelId", channelID)
        query.add("otherChannelId", otherChannelID)
        return query
    }
}

/// The `{"variables": {…}}` body of originate and create.
struct ARIVariablesBody: Codable, Sendable {
    var variables: [String: String]
}
