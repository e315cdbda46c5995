import ARI
import CTICore
import Foundation
import Synchronization
import Telephony

/// Where an offer's time goes inside the service, from its own subscriptions: Asterisk's stamp
/// on the caller's `StasisStart` (wall clock, ms) → the service's events reader has it → the IVR
/// has put the caller in the queue → the ACD has offered the call. What is left of the driver's
/// end-to-end figure is the pop publisher, the hub, the socket and the driver's client.
final class CTILoadStages: Sendable {
    private struct State {
        var received: [String: UInt64] = [:]
        var queued: [String: UInt64] = [:]
        var transport = LatencySamples(capacity: 8_000)
        var toQueue = LatencySamples(capacity: 8_000)
        var toOffer = LatencySamples(capacity: 8_000)
    }

    private let state = Mutex(State())

    /// Follows the service's ARI events and ACD events until cancelled.
    func follow(events: ARIEventSubscription, controller: ACDController) async {
        let offers = controller.events()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await item in events {
                    guard case .event(let event) = item, case .stasisStart(let start) = event.payload, start.args.first == "inbound",
                        let stamped = ARITimestamp.secondsSince1970(event.timestamp)
                    else { continue }
                    let now = LatencySamples.now()
                    let lag = max(0, Date().timeIntervalSince1970 - stamped)
                    self.state.withLock { state in
                        state.received[start.channel.id] = now
                        state.transport.append(UInt64(lag * 1e9))
                    }
                }
            }
            group.addTask {
                for await event in offers {
                    let now = LatencySamples.now()
                    switch event {
                    case .queued(let call, _):
                        self.state.withLock { state in
                            guard let received = state.received.removeValue(forKey: call.channelID) else { return }
                            state.toQueue.append(now &- received)
                            state.queued[call.channelID] = now
                        }
                    case .offered(_, let call, _):
                        self.state.withLock { state in
                            guard let queued = state.queued.removeValue(forKey: call.channelID) else { return }
                            state.toOffer.append(now &- queued)
                        }
                    default: continue
                    }
                }
            }
        }
    }

    /// The stages as table rows.
    var rows: [(String, LatencySamples)] {
        state.withLock {
            [
                ("  Asterisk stamp → service has StasisStart", $0.transport), ("  service has it → IVR queued the caller", $0.toQueue),
                ("  queued → ACD offered", $0.toOffer),
            ]
        }
    }
}
