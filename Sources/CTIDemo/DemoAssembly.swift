import ARI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIServer
import Foundation
import Logging
import Storage
import Telephony

/// Builds the demo: a simulated Asterisk (ARI), the seeded store and the contact centre on it.
public enum DemoAssembly {
    /// The ARI credentials shared by the simulator and CTIBridge in the demo.
    static let ariUser = "ctibridge"

    /// A simulated Asterisk whose phones answer after `answerDelay` and whose prompts last `mediaDuration`.
    public static func simulator(
        recordings: URL, password: String, answerDelay: Duration = .seconds(2), mediaDuration: Duration = .milliseconds(700),
        logger: Logger
    ) -> ARISimulator {
        var configuration = ARISimulatorConfiguration(username: ariUser, password: password, recordingsDirectory: recordings)
        configuration.answerDelay = answerDelay
        configuration.mediaDuration = mediaDuration
        configuration.eventDelay = .milliseconds(5)
        return ARISimulator(configuration: configuration, logger: logger)
    }

    /// Opens (creating and migrating) the SQLite file and seeds it on first use.
    public static func store(path: String, webhooks: [WebhookEndpoint] = []) async throws -> CTIStore {
        let store = try CTIStore.open(StorageConfiguration(path: path, defaultCountry: "VN", webhooks: webhooks))
        try await DemoSite.seed(store)
        return store
    }

    /// The IVR flows of the demo (from `Samples/ivr`), main line on DNIS 7000.
    public static func flows() throws -> (IVRFlowCatalog, IVRDNISRoutes) {
        let catalog = IVRFlowCatalog()
        let flow = try IVRFlow.decode(json: Data(contentsOf: samplesDirectory().appendingPathComponent("main-menu.json")))
        try catalog.publish(flow, by: "demo", at: Date())
        return (catalog, IVRDNISRoutes(["7000": flow.id], defaultFlowID: flow.id))
    }

    /// The contact centre against the simulator at `ariURL`, serving HTTP on `httpPort` (0 picks one);
    /// recordings are played from `recordings` (the simulator's recording directory).
    public static func centre(
        store: CTIStore, ariURL: String, ariPassword: String, httpHost: String = "127.0.0.1", httpPort: Int, wrapUp: Double = 8,
        recordings: URL? = nil, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void
    ) throws -> ContactCentre {
        var ari = ARIConfiguration(baseURL: ariURL, credentials: ARICredentials(username: ariUser, password: ariPassword), application: "ctibridge")
        ari.requestTimeout = .seconds(10)
        let (catalog, routes) = try flows()
        // The demo's IVR always runs in business hours: a Monday 10:00 in Ho Chi Minh City, moving with real time.
        let started = Date()
        let openHour = Date(timeIntervalSince1970: 1_795_402_800)
        return try ContactCentre(
            store: store, ari: ari, acd: DemoSite.controller(wrapUp: wrapUp), catalog: catalog, routes: routes,
            server: CTIServerConfiguration(host: httpHost, port: httpPort), names: DemoSite.names,
            ivrNow: { openHour.addingTimeInterval(Date().timeIntervalSince(started)) }, logger: logger,
            qa: DemoSite.qa(recordings: recordings), onServerRunning: onServerRunning)
    }

    /// Logs every demo agent in to their queues and makes them ready (their phones are simulated).
    public static func staffAll(_ controller: ACDController) async throws {
        for agent in DemoSite.agents.map({ AgentID($0) }) {
            try await controller.login(agent)
            try await controller.ready(agent)
        }
    }

    static func samplesDirectory() -> URL {
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/ivr", isDirectory: true)
        if FileManager.default.fileExists(atPath: fromSource.path) { return fromSource }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Samples/ivr", isDirectory: true)
    }
}
