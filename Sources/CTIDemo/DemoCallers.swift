import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Synchronization
import Telephony

/// Simulated callers for the demo and the end-to-end tests: they dial the main line, answer the
/// IVR's prompts with keys, wait in queue, talk to the agent for a while and hang up.
public final class DemoCallers: Sendable {
    /// How callers behave.
    public struct Behaviour: Sendable {
        public var callsPerSecond: Double
        /// Talk time range in seconds (uniform).
        public var talkSeconds: ClosedRange<Double>
        /// The dialled number that routes to the main-menu flow.
        public var dnis: String
        public var seed: UInt64

        public init(callsPerSecond: Double = 0.2, talkSeconds: ClosedRange<Double> = 8...25, dnis: String = "7000", seed: UInt64 = 1) {
            self.callsPerSecond = callsPerSecond
            self.talkSeconds = talkSeconds
            self.dnis = dnis
            self.seed = seed
        }
    }

    let simulator: ARISimulator
    let application: String
    let behaviour: Behaviour
    let logger: Logger
    private let random: Mutex<SeededGenerator>
    private let channelsByCall = Mutex<[CallID: String]>([:])

    public init(simulator: ARISimulator, application: String = "ctibridge", behaviour: Behaviour, logger: Logger = Logger(label: "ctibridge.demo.callers")) {
        self.simulator = simulator
        self.application = application
        self.behaviour = behaviour
        self.logger = logger
        self.random = Mutex(SeededGenerator(seed: behaviour.seed))
        simulator.requestLog.observe { [weak self] entry in self?.react(to: entry) }
    }

    /// One caller dials in now; returns their channel id.
    @discardableResult
    public func placeCall(from caller: (number: String, name: String)? = nil) throws -> String {
        let who = caller ?? random.withLock { DemoSite.callers.randomElement(using: &$0)! }
        return try simulator.injectInboundCall(
            application: application, exten: behaviour.dnis, callerName: who.name, callerNumber: who.number).id
    }

    /// Places calls at the behaviour's rate (Poisson arrivals) until cancelled.
    public func generate() async {
        while !Task.isCancelled {
            let gap = random.withLock { -log(1 - Double.random(in: 0..<1, using: &$0)) / behaviour.callsPerSecond }
            try? await Task.sleep(for: .milliseconds(Int(gap * 1000)))
            do {
                try placeCall()
            } catch {
                logger.debug("call not placed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Hangs callers up after their talk time, following the ACD's events until the stream ends.
    public func follow(_ events: BoundedEventStream<ACDControllerEvent>) async {
        await withTaskGroup(of: Void.self) { group in
            for await event in events {
                switch event {
                case .offered(_, let call, _):
                    channelsByCall.withLock { $0[call.id] = call.channelID }
                case .connected(let call, _, _, _):
                    guard let channel = channelsByCall.withLock({ $0[call] }) else { continue }
                    let talk = random.withLock { Double.random(in: behaviour.talkSeconds, using: &$0) }
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(Int(talk * 1000)))
                        try? self.simulator.hangUp(channelID: channel)
                    }
                case .ended(let call, _, _, _), .abandoned(let call, _, _):
                    _ = channelsByCall.withLock { $0.removeValue(forKey: call) }
                default:
                    break
                }
            }
            group.cancelAll()
        }
    }

    /// Answers prompts as a caller would: English, then sales, or support with an account number.
    private func react(to entry: ARISimRequestLog.Entry) {
        guard entry.method == "POST", entry.path.hasPrefix("channels/"), entry.path.contains("/play") else { return }
        let channel = String(entry.path.split(separator: "/")[1])
        let media = entry.query["media"] ?? []
        let keys: String?
        if media.contains("sound:press-1-english") {
            keys = "1"
        } else if media.contains("sound:main-menu") {
            keys = random.withLock { generator in
                let roll = Double.random(in: 0..<1, using: &generator)
                return roll < 0.55 ? "1" : roll < 0.9 ? "2" : nil
            }
        } else if media.contains("sound:enter-account-number") {
            keys = "1234567#"
        } else {
            keys = nil
        }
        guard let keys else { return }
        let simulator = self.simulator
        Task {
            try? await Task.sleep(for: .milliseconds(400))
            try? simulator.injectDTMF(channelID: channel, digits: keys)
        }
    }
}
