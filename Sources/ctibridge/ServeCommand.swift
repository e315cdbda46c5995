import ARI
import ArgumentParser
import CTIApp
import CTIConfig
import CTICore
import CTIServer
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Telephony
import UnixSignals

/// `ctibridge serve`: the contact centre against a real Asterisk.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the contact centre against a real Asterisk (ARI), with the agent desktop and API over HTTP.",
        discussion: """
            Reads the configuration (JSON file and environment; see README) and the site file it names \
            (queues, agents, IVR flows, DNIS routes). On an empty database, set CTIBRIDGE_ADMIN_PASSWORD \
            to create the first admin user. SIGINT/SIGTERM stop it cleanly.
            """)

    @Option(name: .long, help: ArgumentHelp("JSON configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Log format, text or json (one JSON object per line); overrides log.format.", valueName: "format"))
    var logFormat: String?

    func validate() throws {
        if let logFormat, LogOutput.format(logFormat) == nil { throw ValidationError("--log-format must be text or json") }
    }

    func run() async throws {
        let settings: CTIBridgeConfig
        do {
            settings = try await CTIBridgeConfig.load(file: config)
        } catch {
            Self.fail(error.description)
        }
        LogOutput.bootstrap(format: logFormat.flatMap(LogOutput.format) ?? settings.log.format)
        var logger = Logger(label: "ctibridge")
        logger.logLevel = Logger.Level(rawValue: settings.log.level.rawValue) ?? .info
        if settings.acd.mode == .observer {
            try await Self.observe(settings, logger: logger)
            return
        }
        let ari = settings.asterisk.ari
        var missing: [String] = []
        if ari.password.isEmpty { missing.append("asterisk.ari.password (or ASTERISK_ARI_PASSWORD) is required by serve") }
        if settings.site.file == nil { missing.append("site.file (or SITE_FILE) is required by serve: queues, agents, flows") }
        guard missing.isEmpty else { Self.fail(missing.joined(separator: "\n")) }

        let site: SiteConfiguration.Loaded
        do {
            site = try SiteConfiguration.load(path: settings.site.file!, application: ari.application)
        } catch {
            Self.fail(error.description)
        }
        let store: CTIStore
        do {
            store = try CTIStore.open(StorageConfiguration(
                path: settings.database.path, defaultCountry: settings.storage.defaultCountry ?? site.defaultCountry,
                webhooks: Self.webhooks(settings.storage)))
        } catch {
            Self.fail("database \(settings.database.path): \(error)")
        }
        try await Self.bootstrapAdmin(store)

        var ariConfiguration = ARIConfiguration(
            baseURL: ari.url, credentials: ARICredentials(username: ari.username, password: ari.password.revealed),
            application: ari.application)
        ariConfiguration.requestTimeout = .seconds(10)
        let centre = try ContactCentre(
            store: store, ari: ariConfiguration, acd: site.controller, catalog: site.catalog, routes: site.routes,
            server: CTIServerConfiguration(host: settings.http.host, port: settings.http.port), names: site.names,
            logger: logger, qa: site.qa,
            onServerRunning: { port in print("CTIBridge serving http://\(settings.http.host):\(port)/ (ARI \(ari.url), app \(ari.application))") })
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: centre), .init(service: WebhookDispatcher(store: store, logger: logger))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try store.close()
    }

    /// Observer mode: app_queue routes the calls, CTIBridge follows it over AMI (no ARI needed).
    static func observe(_ settings: CTIBridgeConfig, logger: Logger) async throws {
        // The site file is optional here: it gives display names, the country for caller-ID lookups,
        // and QA: per-queue recording (MixMonitor) and retention, and recordingsDirectory, which in
        // this mode is Asterisk's monitor directory. Without it every call is recorded and no audio is served.
        var site: SiteConfiguration.Loaded?
        if let file = settings.site.file {
            do {
                site = try SiteConfiguration.load(path: file, application: settings.asterisk.ari.application)
            } catch {
                fail(error.description)
            }
        }
        let store: CTIStore
        do {
            store = try CTIStore.open(StorageConfiguration(path: settings.database.path, defaultCountry: site?.defaultCountry ?? "US"))
        } catch {
            fail("database \(settings.database.path): \(error)")
        }
        try await bootstrapAdmin(store)
        let ami = settings.asterisk.ami
        let centre = ObserverCentre(
            store: store, ami: ami.clientConfiguration, server: CTIServerConfiguration(host: settings.http.host, port: settings.http.port),
            names: site?.names ?? [:], logger: logger,
            recording: AppQueueRecording(policy: site?.controller.recordingPolicy ?? .recordAll, format: site?.qa.recordingFormat ?? "wav"),
            qa: site?.qa ?? QASettings(),
            statistics: AppQueueStatisticsConfiguration(
                interval: site?.controller.engine.interval ?? .thirtyMinutes, queues: site?.controller.engine.queues ?? []),
            onServerRunning: { port in
                print("CTIBridge serving http://\(settings.http.host):\(port)/ (observer mode: app_queue over AMI \(ami.host):\(ami.port))")
            })
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: centre)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try store.close()
    }

    /// Creates the first admin from CTIBRIDGE_ADMIN_PASSWORD when the database has no admin yet.
    static func bootstrapAdmin(_ store: CTIStore) async throws {
        guard (try? await store.users.get(username: "admin")) == nil else { return }
        guard let password = ProcessInfo.processInfo.environment["CTIBRIDGE_ADMIN_PASSWORD"] else {
            print("No admin user yet: set CTIBRIDGE_ADMIN_PASSWORD (12+ characters) and start again to create 'admin'.")
            return
        }
        _ = try await store.users.create(UserDraft(username: "admin", displayName: "Administrator", role: .admin, password: password), by: "serve")
        print("Created the admin user 'admin'.")
    }

    /// The configured webhook, if any (`storage.webhook.url` and `.secret`).
    static func webhooks(_ storage: CTIBridgeConfig.Storage) -> [WebhookEndpoint] {
        guard let url = storage.webhookURL else { return [] }
        return [WebhookEndpoint(name: "default", url: url, secret: storage.webhookSecret.revealed)]
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
