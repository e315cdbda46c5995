import CTICore
import FlowYAML
import Foundation
import Telephony

/// The contact centre's own set-up for `ctibridge serve`, read from a JSON site file: queues,
/// agents and their phones, IVR flows and which dialled number runs which flow.
///
/// ```json
/// { "defaultCountry": "VN",
///   "queues": [{ "id": "support", "name": "Support", "strategy": "leastrecent", "ringTimeout": 15, "wrapUp": 10 }],
///   "agents": [{ "id": "1001", "name": "An Nguyen", "endpoint": "PJSIP/1001",
///                "queues": [{ "queue": "support", "penalty": 0 }], "skills": { "support": 5 } }],
///   "flows": ["flows/main-menu.json"], "routes": { "7000": "main-menu" }, "defaultFlow": "main-menu" }
/// ```
public struct SiteConfiguration: Decodable, Sendable {
    public struct Queue: Decodable, Sendable {
        public var id: String
        public var name: String?
        public var strategy: RoutingStrategy?
        public var ringTimeout: Double?
        public var wrapUp: Double?
        public var maxLength: Int?
        public var serviceLevelThreshold: Double?
        public var autoPauseAfterMisses: Int?
        /// Which calls are recorded: `"all"` (default), `"none"` or a percentage such as `25`.
        public var recording: RecordingSetting?
        /// Recordings older than this many days are deleted (logged); kept for ever when absent.
        public var retentionDays: Int?
    }

    public struct Membership: Decodable, Sendable {
        public var queue: String
        public var penalty: Int?
    }

    public struct Agent: Decodable, Sendable {
        public var id: String
        public var name: String?
        /// The phone CTIBridge rings, e.g. `PJSIP/1001`.
        public var endpoint: String
        public var queues: [Membership]
        public var skills: [String: Int]?
    }

    public var defaultCountry: String?
    public var queues: [Queue]
    public var agents: [Agent]
    /// Flow documents, relative to the site file.
    public var flows: [String]
    /// Dialled number → flow id.
    public var routes: [String: String]
    public var defaultFlow: String?
    public var mohClass: String?
    public var announcementIntervalSeconds: Double?
    /// The key a waiting caller presses to be called back ("*" when absent; "" for none).
    public var callbackKey: String?
    /// Played after each position announcement to offer the callback key.
    public var callbackPrompt: String?
    /// Where Asterisk writes recordings (read for playback and retention), relative to the site file.
    public var recordingsDirectory: String?

    /// What a loaded site gives the service.
    public struct Loaded: Sendable {
        public var controller: ACDControllerConfiguration
        public var catalog: IVRFlowCatalog
        public var routes: IVRDNISRoutes
        public var names: [String: String]
        public var defaultCountry: String
        /// Recordings directory, retention and sampling for QA.
        public var qa = QASettings()
    }

    /// Reads, checks and loads the site file; every problem is listed in the error.
    public static func load(path: String, application: String = "ctibridge") throws(SiteConfigurationError) -> Loaded {
        let site: SiteConfiguration
        do {
            site = try JSONDecoder().decode(SiteConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw SiteConfigurationError(problems: ["\(path): \(Self.describe(error))"])
        }
        return try site.loaded(relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent(), application: application)
    }

    func loaded(relativeTo folder: URL, application: String) throws(SiteConfigurationError) -> Loaded {
        var problems: [String] = []
        if queues.isEmpty { problems.append("queues: at least one queue is needed") }
        let queueIDs = Set(queues.map(\.id))
        if queueIDs.count != queues.count { problems.append("queues: duplicate queue ids") }
        if Set(agents.map(\.id)).count != agents.count { problems.append("agents: duplicate agent ids") }
        for (index, agent) in agents.enumerated() {
            if agent.endpoint.split(separator: "/").count != 2 { problems.append("agents[\(index)].endpoint: expected TECH/resource such as PJSIP/1001") }
            for membership in agent.queues where !queueIDs.contains(membership.queue) {
                problems.append("agents[\(index)].queues: unknown queue '\(membership.queue)'")
            }
        }
        let catalog = IVRFlowCatalog()
        var flowIDs: Set<String> = []
        for (index, file) in flows.enumerated() {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
            do {
                let contents = try Data(contentsOf: url)
                let flow = try IVRFlow.decode(contents, format: FlowDocumentFormat(path: url.path, contents: contents))
                let flowProblems = FlowValidator.problems(in: flow)
                if flowProblems.isEmpty {
                    _ = try? catalog.publish(flow, by: "site file", at: Date())
                    flowIDs.insert(flow.id)
                } else {
                    problems += flowProblems.map { "flows[\(index)] (\(file)): \($0)" }
                }
            } catch {
                problems.append("flows[\(index)] (\(file)): \(Self.describe(error))")
            }
        }
        for (dnis, flowID) in routes.sorted(by: { $0.key < $1.key }) where !flowIDs.contains(flowID) {
            problems.append("routes.\(dnis): no flow '\(flowID)'")
        }
        if let defaultFlow, !flowIDs.contains(defaultFlow) { problems.append("defaultFlow: no flow '\(defaultFlow)'") }
        let country = defaultCountry ?? "US"
        let (recordingPolicy, retention) = qaPolicies()
        problems += recordingPolicy.problems.map { "recording: \($0.field): \($0.message)" }
        problems += retention.problems.map { "retentionDays: \($0.field): \($0.message)" }
        guard problems.isEmpty else { throw SiteConfigurationError(problems: problems) }

        let engine = ACDConfiguration(
            queues: queues.map { queue in
                QueueConfiguration(
                    id: QueueID(queue.id), strategy: queue.strategy ?? .leastRecent, ringTimeout: queue.ringTimeout ?? 15,
                    wrapUp: queue.wrapUp ?? 0, maxLength: queue.maxLength, autoPause: .yes,
                    autoPauseAfterMisses: queue.autoPauseAfterMisses ?? 3, serviceLevelThreshold: queue.serviceLevelThreshold ?? 20)
            },
            agents: agents.map { agent in
                AgentConfiguration(
                    id: AgentID(agent.id), memberships: agent.queues.map { .init(QueueID($0.queue), penalty: $0.penalty ?? 0) },
                    skills: agent.skills ?? [:])
            })
        var controller = ACDControllerConfiguration(
            engine: engine, agentEndpoints: Dictionary(uniqueKeysWithValues: agents.map { (AgentID($0.id), $0.endpoint) }))
        controller.application = application
        if let mohClass { controller.mohClass = mohClass }
        controller.announcementInterval = announcementIntervalSeconds ?? controller.announcementInterval
        if let callbackKey { controller.callbackKey = callbackKey.isEmpty ? nil : callbackKey }
        controller.callbackPrompt = callbackPrompt
        controller.recordingPolicy = recordingPolicy
        var names: [String: String] = [:]
        for queue in queues { names[queue.id] = queue.name ?? queue.id }
        for agent in agents { names[agent.id] = agent.name ?? agent.id }
        var loaded = Loaded(
            controller: controller, catalog: catalog, routes: IVRDNISRoutes(routes, defaultFlowID: defaultFlow), names: names,
            defaultCountry: country)
        loaded.qa.retention = retention
        loaded.qa.recordingFormat = controller.recordingFormat
        loaded.qa.recordingsDirectory = recordingsDirectory.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : folder.appendingPathComponent($0) }
        return loaded
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \(([context.codingPath.map(\.stringValue)] + [[key.stringValue]]).flatMap { $0 }.joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default:
            "\(error)"
        }
    }
}

/// A site file that cannot be used, every problem listed.
public struct SiteConfigurationError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "site file problems:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
