import AMI
import AsteriskSimulator
import CTICore
import Logging
import Synchronization
import Telephony
import TestSupport

/// An app_queue site (the simulator's demo: `support` with Alice and Bob) on a hand-moved clock,
/// an AMI client logged into it and an observer following it.
struct ObserverFixture: Sendable {
    let simulator: AMISimulator
    let observer: AppQueueObserver
    let clock: ManualClock
    let log: EventLog

    static func with(noAnswer: Double = 0, _ body: @escaping @Sendable (ObserverFixture) async throws -> Void) async throws {
        try await withNetworkTestSlot {
            let clock = ManualClock()
            var pbx = SimulatedPBX.demo(bootTime: WallTime.captureEpoch - .seconds(873))
            pbx.settings.agents = AgentBehaviour(ringSeconds: 1...1, noAnswerProbability: noAnswer)
            var configuration = AMISimulatorConfiguration(accounts: ["ctibridge": AMISimulatorUser(secret: "s3cret")])
            configuration.tick = .milliseconds(5)
            let simulator = AMISimulator(
                configuration: configuration, pbx: pbx, clock: SimulationClock(clock, epoch: .captureEpoch), logger: Logger(label: "test.ami-sim"))
            let port = try await simulator.start()
            var clientConfiguration = AMIClientConfiguration(
                host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: .md5, events: "on"))
            clientConfiguration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
            let client = AMIClient(configuration: clientConfiguration, logger: Logger(label: "test.ami"), randomSeed: 1)
            let feed = client.subscribe()
            let observer = AppQueueObserver(client: client, clock: ACDClock(clock))
            let log = EventLog()
            let stream = observer.events()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await client.run() }
                group.addTask { for await event in stream { log.append(event) } }
                group.addTask { await observer.run(events: feed) }
                _ = await log.next { if case .agentState("Bob", .ready) = $0 { true } else { nil } }
                try await body(ObserverFixture(simulator: simulator, observer: observer, clock: clock, log: log))
                group.cancelAll()
            }
            try await simulator.stop()
        }
    }

    /// A caller originated into `queue-in` (Queue(support)) with preset ids.
    func originateCaller(_ id: String) {
        var request = OriginateRequest(channel: "Local/s@customer/n")
        request.context = "queue-in"
        request.exten = "5555"
        request.priority = 1
        request.callerID = "\"Nguyen Van A\" <0912345678>"
        request.channelID = id
        request.otherChannelID = id + "-far"
        simulator.perform { pbx, _ in _ = pbx.originate(request) }
    }

    /// Moves simulated time on and lets the simulator's ticker run the steps due.
    func advance(seconds: Int) async {
        clock.advance(by: .seconds(seconds))
        try? await Task.sleep(for: .milliseconds(60))
    }
}
