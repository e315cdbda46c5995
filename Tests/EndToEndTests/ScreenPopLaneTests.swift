import CTIApp
import CTICore
import Foundation
import Synchronization
import Telephony
import Testing
@testable import CTIServer

/// The publisher handles each agent's events in order in its lane; a pop whose CRM context is
/// slow to read holds up only its own agent.
@Suite struct ScreenPopLaneTests {
    /// Answers slowly for the caller number "slow" until released.
    final class SlowContext: ScreenPopContextProvider {
        let released = Mutex(false)

        func context(customerID: String?, callerNumber: String?) async -> ScreenPopContext {
            if callerNumber == "slow" {
                while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) }
            }
            return ScreenPopContext(customer: CTICustomerSummary(id: "c-\(callerNumber ?? "")", name: "N"))
        }
    }

    static func call(_ id: String, number: String) -> ACDCallInfo {
        ACDCallInfo(id: CallID(id), channelID: id, queue: "sales", callerNumber: number)
    }

    /// The agent's frames as they come: pop types with their call ids.
    static func frames(_ hub: CTIHub, agent: String) async -> AsyncStream<CTIOutbound> {
        let principal = CTIPrincipal(userID: agent, agentID: agent, displayName: agent, role: .agent)
        return await hub.attachAgent(principal: principal, agentID: agent, token: "t-\(agent)", lastSeq: nil).1
    }

    static func pops(_ stream: inout AsyncStream<CTIOutbound>.Iterator, count: Int) async throws -> [String] {
        var found: [String] = []
        while found.count < count, let outbound = await stream.next() {
            guard case .text(let text) = outbound, case .pop(_, let message) = try CTIServerFrame.decode(text) else { continue }
            switch message {
            case .offer(let pop): found.append("offer \(pop.callID)")
            case .stateChanged(let change): found.append("state \(change.state)")
            case .callEnded(let ended): found.append("ended \(ended.callID)")
            default: found.append(message.type)
            }
        }
        return found
    }

    /// A hub, a publisher running on a fan-out of ACD events, and a slow CRM context.
    struct Fixture {
        let hub = CTIHub()
        let context = SlowContext()
        let fanOut = EventFanOut<ACDControllerEvent>()
        let publisher: ScreenPopPublisher

        init() { publisher = ScreenPopPublisher(hub: hub, context: context, now: { 0 }) }

        /// Runs the publisher while `body` runs.
        func run(_ body: () async throws -> Void) async rethrows {
            let events = fanOut.subscribe(capacity: 100)
            let running = Task { [publisher] in await publisher.run(events: events) }
            defer {
                fanOut.finish()
                running.cancel()
            }
            try await body()
        }

        /// The agent's frames, its welcome frame already read.
        func socket(_ agent: String) async -> AsyncStream<CTIOutbound>.Iterator {
            var frames = await ScreenPopLaneTests.frames(hub, agent: agent).makeAsyncIterator()
            _ = await frames.next()
            return frames
        }
    }

    @Test func aSlowContextHoldsUpOnlyItsOwnAgentAndKeepsItsOrder() async throws {
        let fx = Fixture()
        let (hub, context, publisher, fanOut) = (fx.hub, fx.context, fx.publisher, fx.fanOut)
        var a1 = await fx.socket("a1")
        var a2 = await fx.socket("a2")
        try await fx.run { () async throws in
            fanOut.publish(.offered(agent: "a1", call: Self.call("c1", number: "slow"), wait: 1))
            fanOut.publish(.agentState("a1", .offered("c1")))
            fanOut.publish(.offered(agent: "a2", call: Self.call("c2", number: "fast"), wait: 1))
            fanOut.publish(.agentState("a2", .offered("c2")))
            // a2 gets both while a1's context is still being read.
            #expect(try await Self.pops(&a2, count: 2) == ["offer c2", "state offered"])
            #expect(await hub.lastSeq(for: "a1") == 0)
            context.released.withLock { $0 = true }
            #expect(try await Self.pops(&a1, count: 2) == ["offer c1", "state offered"])
            #expect(await publisher.pop(of: "c1")?.customer?.id == "c-slow")
        }
    }

    @Test func aCallThatEndsWhileItsContextIsReadIsNotKept() async throws {
        let fx = Fixture()
        let (context, publisher, fanOut) = (fx.context, fx.publisher, fx.fanOut)
        var a1 = await fx.socket("a1")
        try await fx.run { () async throws in
            fanOut.publish(.offered(agent: "a1", call: Self.call("c1", number: "slow"), wait: 1))
            fanOut.publish(.abandoned("c1", queue: "sales", wait: 1))
            fanOut.publish(.agentState("a1", .ready))
            context.released.withLock { $0 = true }
            #expect(try await Self.pops(&a1, count: 2) == ["offer c1", "state ready"])
            #expect(await publisher.pop(of: "c1") == nil, "an abandoned call's pop is not kept")

            // The next call's pop is kept as usual.
            fanOut.publish(.offered(agent: "a1", call: Self.call("c2", number: "fast"), wait: 1))
            #expect(try await Self.pops(&a1, count: 1) == ["offer c2"])
            #expect(await publisher.pop(of: "c2") != nil)
        }
    }
}
