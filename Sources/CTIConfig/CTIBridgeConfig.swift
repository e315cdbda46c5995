/// CTIBridge's whole configuration, typed and validated.
///
/// Read it once at start-up with ``load(file:environment:)``: a JSON file (optional) overlaid
/// by environment variables, where the environment wins. Every key has an environment name made
/// by upper-casing it and turning dots and camel-case humps into underscores
/// (`asterisk.ami.pingIntervalSeconds` ↔ `ASTERISK_AMI_PING_INTERVAL_SECONDS`).
///
/// ## Configuration keys
/// - `asterisk.ami.host` (string, default `127.0.0.1`): Asterisk's AMI host.
/// - `asterisk.ami.port` (int 1-65535, default 5038): AMI port (5039 is the usual TLS port).
/// - `asterisk.ami.username` (string, required): the `[user]` section in manager.conf.
/// - `asterisk.ami.secret` (string, required, secret): that user's secret.
/// - `asterisk.ami.authMethod` (`plain` | `md5`, default `md5`): how the secret is presented.
/// - `asterisk.ami.events` (string, default `on`): `on`, `off` or a list of event classes.
/// - `asterisk.ami.pingIntervalSeconds` (number > 0, default 15): keepalive interval.
/// - `asterisk.ami.actionTimeoutSeconds` (number > 0, default 10): default action timeout.
/// - `asterisk.ami.transport` (`tcp` | `tls`, default `tcp`): plain TCP (loopback) or TLS.
/// - `asterisk.ami.tlsCaFile` (path, optional): PEM CA certificates to trust instead of the system's.
/// - `asterisk.ami.tlsServerName` (string, optional): the name the server certificate must carry.
/// - `asterisk.ari.url` (default `http://127.0.0.1:8088/ari`), `asterisk.ari.username` (default `ctibridge`),
///   `asterisk.ari.password` (secret; required by `serve`), `asterisk.ari.application` (default `ctibridge`).
/// - `http.host` (string, default `127.0.0.1`), `http.port` (int 1-65535, default 8080).
/// - `site.file` (path): queues, agents, IVR flows and DNIS routes for `serve`.
/// - `database.path` (string, default `ctibridge.sqlite`): the SQLite file.
/// - `log.level` (`trace` … `critical`, default `info`), `log.format` (`text` | `json`, default `text`).
public struct CTIBridgeConfig: Sendable, Hashable {
    /// Everything about the Asterisk beside us.
    public var asterisk: Asterisk
    /// The REST/WebSocket server for agent desktops.
    public var http: HTTP
    /// Where CTIBridge keeps its data.
    public var database: Database
    /// Logging.
    public var log: Log
    /// The site file.
    public var site: Site = Site()
    /// Keys under `storage`: phone numbering and the outbound webhook.
    public var storage: Storage = Storage()

    /// A configuration made of these sections.
    public init(asterisk: Asterisk, http: HTTP = HTTP(), database: Database = Database(), log: Log = Log()) {
        self.asterisk = asterisk
        self.http = http
        self.database = database
        self.log = log
    }

    /// Keys under `asterisk`.
    public struct Asterisk: Sendable, Hashable {
        /// Keys under `asterisk.ami`.
        public var ami: AMI
        /// Keys under `asterisk.ari`.
        public var ari: ARI = ARI()

        /// The Asterisk section.
        public init(ami: AMI) {
            self.ami = ami
        }
    }

    /// Keys under `asterisk.ami`: how CTIBridge reaches the Asterisk Manager Interface.
    public struct AMI: Sendable, Hashable {
        /// How the secret is presented at login.
        public enum AuthMethod: String, Sendable, Hashable, CaseIterable {
            /// `Secret:` in the clear (loopback or TLS only).
            case plain
            /// MD5 challenge-response.
            case md5
        }

        /// How the AMI connection is carried.
        public enum Transport: String, Sendable, Hashable, CaseIterable {
            /// Plain TCP: keep it on loopback.
            case tcp
            /// TLS (Asterisk's `tlsenable`, usually port 5039), certificate verified.
            case tls
        }

        /// Asterisk's host.
        public var host: String
        /// AMI port.
        public var port: Int
        /// The manager.conf user.
        public var username: String
        /// That user's secret; never printed.
        public var secret: Secret
        /// Plain or MD5 login.
        public var authMethod: AuthMethod
        /// The `Events:` mask asked for at login.
        public var events: String
        /// Interval between keepalive pings.
        public var pingInterval: Duration
        /// Default time an action may wait for its response.
        public var actionTimeout: Duration
        /// Plain TCP or TLS.
        public var transport: Transport = .tcp
        /// PEM file of CA certificates to trust for TLS; `nil` trusts the system store.
        public var tlsCAFile: String?
        /// The name the TLS certificate must carry; `nil` checks the host.
        public var tlsServerName: String?

        /// AMI settings; only the user and secret have no default.
        public init(
            host: String = "127.0.0.1", port: Int = 5038, username: String, secret: Secret,
            authMethod: AuthMethod = .md5, events: String = "on",
            pingInterval: Duration = .seconds(15), actionTimeout: Duration = .seconds(10)
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.secret = secret
            self.authMethod = authMethod
            self.events = events
            self.pingInterval = pingInterval
            self.actionTimeout = actionTimeout
        }
    }

    /// Keys under `http`.
    public struct HTTP: Sendable, Hashable {
        /// Address to listen on.
        public var host: String
        /// Port to listen on.
        public var port: Int

        /// HTTP settings, loopback:8080 by default.
        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }

    /// Keys under `database`.
    public struct Database: Sendable, Hashable {
        /// The SQLite file.
        public var path: String

        /// Database settings.
        public init(path: String = "ctibridge.sqlite") {
            self.path = path
        }
    }

    /// Keys under `log`.
    public struct Log: Sendable, Hashable {
        /// Lowest level written (swift-log's levels).
        public enum Level: String, Sendable, Hashable, CaseIterable {
            case trace, debug, info, notice, warning, error, critical
        }

        /// How log lines are written.
        public enum Format: String, Sendable, Hashable, CaseIterable {
            /// Human-readable lines.
            case text
            /// One JSON object per line.
            case json
        }

        /// Lowest level written.
        public var level: Level
        /// Output format.
        public var format: Format

        /// Log settings, `info` as text by default.
        public init(level: Level = .info, format: Format = .text) {
            self.level = level
            self.format = format
        }
    }
}
