import CTICore

/// Where the ARI clients connect, as whom, for which Stasis application, and their timers.
public struct ARIConfiguration: Sendable, CustomStringConvertible {
    /// REST base URL including `/ari`, e.g. `http://127.0.0.1:8088/ari` (no trailing slash).
    public var baseURL: String
    /// The ari.conf user.
    public var credentials: ARICredentials
    /// The Stasis application name; give each CTIBridge instance its own.
    public var application: String
    /// Whether the events socket subscribes to all event sources (`subscribeAll`).
    public var subscribeAll: Bool = false
    /// Event types Asterisk should send the application, set after every connect; nil leaves
    /// Asterisk's filter as it is. Fewer events mean less JSON to read; a refusal (Asterisk before
    /// 16.3) is logged and the socket carries on unfiltered.
    public var eventFilter: ARIEventFilter?
    /// Default time one REST request may take.
    public var requestTimeout: Duration = .seconds(10)
    /// Most bytes read from one REST answer (recording files included).
    public var maxResponseBytes: Int = 64 << 20
    /// Interval between WebSocket pings; a missing pong closes the socket and triggers a reconnect.
    public var pingInterval: Duration = .seconds(15)
    /// Delays between reconnect attempts of the events socket.
    public var backoff: Backoff = Backoff()
    /// Largest WebSocket frame accepted (a Channel with many channelvars is a few kB).
    public var maxFrameSize: Int = 1 << 20

    /// A configuration for one application.
    public init(baseURL: String = "http://127.0.0.1:8088/ari", credentials: ARICredentials, application: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.credentials = credentials
        self.application = application
    }

    public var description: String { "ARIConfiguration(\(baseURL), app: \(application), \(credentials))" }

    /// The events WebSocket URL (`ws://…/ari/events?app=NAME&subscribeAll=false`), with the
    /// api_key only when that method is chosen.
    public var eventsURL: String {
        var url = baseURL
        if url.hasPrefix("https://") {
            url = "wss://" + url.dropFirst("https://".count)
        } else if url.hasPrefix("http://") {
            url = "ws://" + url.dropFirst("http://".count)
        }
        var query = [("app", application), ("subscribeAll", subscribeAll ? "true" : "false")]
        if credentials.method == .apiKey { query.append(("api_key", credentials.apiKey)) }
        return url + "/events?" + ARIPercentEncoding.query(query)
    }
}
