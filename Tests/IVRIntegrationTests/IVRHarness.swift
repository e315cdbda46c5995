import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Synchronization
import Telephony
import TestSupport

/// Records the calls the IVR hands to the ACD; `failing` makes the ACD refuse them.
final class HandoffRecorder: IVRQueueHandoff {
    struct Refused: Error {}
    let failing: Bool
    private let calls = Mutex<[IVRQueuedCall]>([])

    init(failing: Bool = false) { self.failing = failing }

    var all: [IVRQueuedCall] { calls.withLock { $0 } }

    func handOff(_ call: IVRQueuedCall) async throws {
        if failing { throw Refused() }
        calls.withLock { $0.append(call) }
    }
}

/// A CRM that never answers in time or fails outright.
struct BrokenCRM: IVRCustomerLookup {
    struct Down: Error {}
    func customer(forCallerID callerID: String) async throws -> IVRCustomer? { throw Down() }
}

/// The simulator, an events client and an IVR runner wired together over loopback.
struct IVRHarness: Sendable {
    let simulator: ARISimulator
    let runner: IVRRunner<ContinuousClock>
    let rest: ARIRESTClient
    let catalog: IVRFlowCatalog
    let outcomes: IVROutcomeLog
    let handoffs: HandoffRecorder
    let crm: IVRCustomerDirectory
    let history: EventHistory
    let recordings: URL

    /// A caller dials `dnis`; returns the channel id once the runner answered it.
    func call(dnis: String = "7000", number: String = "+84987654321", name: String = "Tran Thi B") async throws -> String {
        let channel = try simulator.injectInboundCall(application: "ctibridge", exten: dnis, callerName: name, callerNumber: number)
        return channel.id
    }

    /// Requests for `channelID` so far.
    func requests(_ channelID: String) -> [ARISimRequestLog.Entry] { simulator.requestLog.requests(forChannel: channelID) }

    /// Media of every play request for `channelID`, in order.
    func played(_ channelID: String) -> [[String]] {
        requests(channelID).filter { $0.method == "POST" && $0.path.contains("/play") }.map { $0.query["media"] ?? [] }
    }

    /// Waits until a play request for `channelID` carried `media`.
    @discardableResult
    func waitForPlay(_ channelID: String, _ media: String, count: Int = 1, timeout: Duration = .seconds(30)) async -> Bool {
        await simulator.requestLog.wait(timeout: timeout) { log in
            log.filter { $0.path.hasPrefix("channels/\(channelID)/play") && ($0.query["media"] ?? []).contains(media) }.count >= count
        }
    }

    /// Waits until the runner has reported something matching `predicate` (at any time so far).
    func waitForEvent(timeout: Duration = .seconds(30), _ predicate: @escaping @Sendable (IVRRunnerEvent) -> Bool) async throws -> IVRRunnerEvent {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let event = history.all.first(where: predicate) { return event }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw HarnessTimeout()
    }

    /// Waits for the call on `channelID` to leave the IVR.
    func waitForEnd(_ channelID: String, timeout: Duration = .seconds(30)) async throws -> (IVROutcome, IVRPath) {
        let event = try await waitForEvent(timeout: timeout) {
            if case .callEnded(let id, _, _) = $0 { id == channelID } else { false }
        }
        guard case .callEnded(_, let outcome, let path) = event else { throw HarnessTimeout() }
        return (outcome, path)
    }
}

struct HarnessTimeout: Error {}

/// Everything a runner reported, kept for tests to search.
final class EventHistory: Sendable {
    private let events = Mutex<[IVRRunnerEvent]>([])
    var all: [IVRRunnerEvent] { events.withLock { $0 } }
    func append(_ event: IVRRunnerEvent) { events.withLock { $0.append(event) } }
}

/// A flow from a JSON document.
func flow(_ json: String) throws -> IVRFlow {
    try IVRFlow.decode(json: Data(json.utf8))
}

/// A sample flow from `Samples/ivr`.
func sampleFlow(_ name: String) throws -> IVRFlow {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/ivr/\(name).json")
    return try IVRFlow.decode(json: Data(contentsOf: url))
}

/// 10:00 on Monday 23 November 2026 in Ho Chi Minh City (03:00 UTC): the main line is open.
let mondayMorning = Date(timeIntervalSince1970: 1_795_402_800)

/// Runs `body` with a simulator, an events client and a runner for `flows` (routed by DNIS).
func withIVR<T: Sendable>(
    flows: [IVRFlow], routes: IVRDNISRoutes, now: @escaping @Sendable () -> Date = { mondayMorning },
    mediaDuration: Duration = .milliseconds(60), handoff: HandoffRecorder = HandoffRecorder(),
    lookup: (any IVRCustomerLookup)? = nil,
    _ body: @escaping @Sendable (IVRHarness) async throws -> T
) async throws -> T {
    try await withNetworkTestSlot {
        let recordings = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-tests-\(UUID().uuidString)", isDirectory: true)
        var simConfiguration = ARISimulatorConfiguration(username: "ctibridge", password: "s3cret", recordingsDirectory: recordings)
        simConfiguration.mediaDuration = mediaDuration
        simConfiguration.eventDelay = .milliseconds(5)
        simConfiguration.answerDelay = .milliseconds(20)
        let simulator = ARISimulator(configuration: simConfiguration, logger: Logger(label: "test.sim.ari"))
        let catalog = IVRFlowCatalog()
        for flow in flows { try catalog.publish(flow, by: "test", at: mondayMorning) }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await simulator.run()
                return nil
            }
            let baseURL = await simulator.baseURL()
            var configuration = ARIConfiguration(
                baseURL: baseURL, credentials: ARICredentials(username: "ctibridge", password: "s3cret"), application: "ctibridge")
            configuration.requestTimeout = .seconds(20)
            configuration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(100))
            let client = ARIEventsClient(configuration: configuration, logger: Logger(label: "test.ari"), randomSeed: 7)
            let subscription = client.subscribe()
            let crm = IVRCustomerDirectory()
            let outcomes = IVROutcomeLog()
            let runner = IVRRunner(
                rest: client.rest, catalog: catalog, routes: routes, lookup: lookup ?? crm, handoff: handoff, sink: outcomes,
                clock: ContinuousClock(), now: now, logger: Logger(label: "test.ivr"))
            let harness = IVRHarness(
                simulator: simulator, runner: runner, rest: client.rest, catalog: catalog, outcomes: outcomes, handoffs: handoff, crm: crm,
                history: EventHistory(), recordings: recordings)
            let observed = runner.subscribe(capacity: 100_000)
            group.addTask {
                for await event in observed { harness.history.append(event) }
                return nil
            }
            group.addTask {
                try? await client.run()
                return nil
            }
            group.addTask {
                await runner.run(events: subscription)
                return nil
            }
            group.addTask {
                // Start once the first resync is through, so its GETs are not mistaken for the runner's.
                _ = try await harness.waitForEvent { if case .resynced = $0 { true } else { false } }
                return try await body(harness)
            }
            while let result = try await group.next() {
                if let result {
                    group.cancelAll()
                    try? FileManager.default.removeItem(at: recordings)
                    return result
                }
            }
            throw CancellationError()
        }
    }
}
