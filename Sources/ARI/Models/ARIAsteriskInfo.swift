/// What `GET /asterisk/info` returns (Swagger `AsteriskInfo`); every section is optional (`only=`).
public struct ARIAsteriskInfo: Codable, Sendable, Hashable {
    /// Build details.
    public var build: Build?
    /// Version and entity id.
    public var system: System?
    /// Configuration summary.
    public var config: Config?
    /// Startup and reload times.
    public var status: Status?

    /// An info value.
    public init(build: Build? = nil, system: System? = nil, config: Config? = nil, status: Status? = nil) {
        self.build = build
        self.system = system
        self.config = config
        self.status = status
    }

    /// Swagger `BuildInfo`.
    public struct Build: Codable, Sendable, Hashable {
        public var os: String
        public var kernel: String
        public var options: String
        public var machine: String
        public var date: String
        public var user: String

        public init(os: String, kernel: String, options: String, machine: String, date: String, user: String) {
            self.os = os
            self.kernel = kernel
            self.options = options
            self.machine = machine
            self.date = date
            self.user = user
        }
    }

    /// Swagger `SystemInfo`.
    public struct System: Codable, Sendable, Hashable {
        /// Asterisk version, e.g. `22.10.1`.
        public var version: String
        /// Entity id (the `asterisk_id` of events).
        public var entityID: String

        enum CodingKeys: String, CodingKey {
            case version
            case entityID = "entity_id"
        }

        public init(version: String, entityID: String) {
            self.version = version
            self.entityID = entityID
        }
    }

    /// Swagger `ConfigInfo`.
    public struct Config: Codable, Sendable, Hashable {
        public var name: String
        public var defaultLanguage: String
        public var maxChannels: Int?
        public var maxOpenFiles: Int?
        public var maxLoad: Double?
        public var setid: SetID

        enum CodingKeys: String, CodingKey {
            case name, setid
            case defaultLanguage = "default_language"
            case maxChannels = "max_channels"
            case maxOpenFiles = "max_open_files"
            case maxLoad = "max_load"
        }

        public init(name: String, defaultLanguage: String, maxChannels: Int? = nil, maxOpenFiles: Int? = nil, maxLoad: Double? = nil, setid: SetID) {
            self.name = name
            self.defaultLanguage = defaultLanguage
            self.maxChannels = maxChannels
            self.maxOpenFiles = maxOpenFiles
            self.maxLoad = maxLoad
            self.setid = setid
        }
    }

    /// Swagger `SetId`.
    public struct SetID: Codable, Sendable, Hashable {
        public var user: String
        public var group: String

        public init(user: String, group: String) {
            self.user = user
            self.group = group
        }
    }

    /// Swagger `StatusInfo`.
    public struct Status: Codable, Sendable, Hashable {
        public var startupTime: String
        public var lastReloadTime: String

        enum CodingKeys: String, CodingKey {
            case startupTime = "startup_time"
            case lastReloadTime = "last_reload_time"
        }

        public init(startupTime: String, lastReloadTime: String) {
            self.startupTime = startupTime
            self.lastReloadTime = lastReloadTime
        }
    }
}
