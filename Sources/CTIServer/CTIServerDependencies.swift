import CTICore

/// Resolves bearer tokens; the storage layer implements it with its session table.
public protocol CTIAuthenticator: Sendable {
    /// The principal for `token`, or nil when unknown, expired or revoked.
    func authenticate(token: String) async -> CTIPrincipal?
    /// Tokens as they are revoked; the server closes their sockets (1008). Called once.
    func revokedTokens() -> AsyncStream<String>
}

/// Turns a username and password into a session token.
public protocol CTISessionIssuer: Sendable {
    /// A grant, or nil for wrong credentials (the server answers 401 without saying which part was wrong).
    func login(username: String, password: String) async -> CTISessionGrant?
}

/// Carries out agent actions against the ACD, the PBX and the ticket system.
public protocol AgentActionHandler: Sendable {
    /// Performs `action` for `principal` (always an agent) and says how it went.
    func perform(_ action: CTIAgentAction, for principal: CTIPrincipal) async -> CTIActionReply
}

/// Whether the server's collaborators (PBX link, database) are up.
public protocol CTIReadiness: Sendable {
    /// Named checks; the server is ready when all pass.
    func checks() async -> [String: Bool]
}

/// Always ready: for tests and a server without collaborators yet.
public struct AlwaysReady: CTIReadiness {
    public init() {}
    public func checks() async -> [String: Bool] { [:] }
}

/// Everything the CTI server talks to.
public struct CTIServerDependencies: Sendable {
    public var authenticator: any CTIAuthenticator
    public var sessions: any CTISessionIssuer
    public var actions: any AgentActionHandler
    public var readiness: any CTIReadiness
    /// The Prometheus exposition served at `/metrics` to supervisors and admins; nil serves 404.
    public var metrics: (@Sendable () -> String)?
    /// IVR flow administration at `/api/flows`; nil leaves those routes out.
    public var flows: (any FlowAdministration)?
    /// Customers, interactions, tickets and users under `/api/…`; nil leaves those routes out.
    public var records: (any CTIRecords)?
    /// The QA back office at `/api/qa/*` and `/api/recordings/*`; nil leaves those routes out.
    public var qa: (any QAService)?
    /// The ACD's interval statistics at `/api/statistics/…`; nil answers 404 there.
    public var statistics: (any CTIStatisticsSource)?
    /// Signs the short-lived playback links of `/api/recordings/{id}/playback` (a random key per server by default).
    public var recordingLinks = RecordingPlaybackLinks()

    public init(
        authenticator: any CTIAuthenticator, sessions: any CTISessionIssuer, actions: any AgentActionHandler,
        readiness: any CTIReadiness = AlwaysReady()
    ) {
        self.authenticator = authenticator
        self.sessions = sessions
        self.actions = actions
        self.readiness = readiness
    }
}
