import AMI
import CTIApp
import CTICore
import CTIServer
import Foundation
import Telephony
import TestSupport
import Testing

/// ``ObserverStatistics`` between AMI and the routes: messages read into the engine at the clock's
/// instants, `QueueStatus` items resyncing members and queues, `Hold`/`Unhold`, dated intervals.
@Suite("Observer statistics source: AMI messages to dated intervals")
struct ObserverStatisticsSourceTests {
    /// 2026-11-22 18:00:00 UTC, a half-hour boundary.
    static let base = 1_795_370_400.0

    static func agentEvent(_ name: String, _ extra: KeyValuePairs<String, String> = [:]) -> AMIMessage {
        var headers: [AMIHeader] = [
            AMIHeader(name: "Event", value: name), AMIHeader(name: "Uniqueid", value: "c1"), AMIHeader(name: "Linkedid", value: "c1"),
            AMIHeader(name: "DestUniqueid", value: "leg-1"), AMIHeader(name: "Queue", value: "support"),
            AMIHeader(name: "MemberName", value: "1001"), AMIHeader(name: "Interface", value: "Local/1001@agents/n"),
        ]
        headers += extra.map { AMIHeader(name: $0.key, value: $0.value) }
        return AMIMessage(headers: headers)
    }

    @Test("a call with a hold on the agent leg: offered, answered, talk less hold, dated on the half hour; QueueParams make a quiet queue known")
    func callThroughMessages() async throws {
        let clock = ManualClock()
        let statistics = ObserverStatistics(
            configuration: AppQueueStatisticsConfiguration(interval: .thirtyMinutes), clock: ACDClock(clock, origin: Self.base + 60))
        await statistics.resync(queueStatus: [
            AMIMessage(["Event": "QueueParams", "Queue": "support"]), AMIMessage(["Event": "QueueParams", "Queue": "sales"]),
            AMIMessage(["Event": "QueueMember", "Queue": "support", "Name": "1001", "Location": "Local/1001@agents/n", "Paused": "0"]),
        ])
        func at(_ seconds: Int, _ message: AMIMessage) async {
            clock.advance(by: .seconds(seconds))
            await statistics.apply(message)
        }
        await at(10, AMIMessage(["Event": "QueueCallerJoin", "Uniqueid": "c1", "Linkedid": "c1", "Queue": "support", "Position": "1", "Count": "1"]))
        await at(0, Self.agentEvent("AgentCalled"))
        await at(4, AMIMessage(["Event": "QueueCallerLeave", "Uniqueid": "c1", "Queue": "support", "Position": "1", "Count": "0"]))
        await at(0, Self.agentEvent("AgentConnect", ["HoldTime": "4", "RingTime": "4"]))
        await at(6, AMIMessage(["Event": "Hold", "Uniqueid": "leg-1", "Linkedid": "c1", "MusicClass": "default"]))
        await at(6, AMIMessage(["Event": "Unhold", "Uniqueid": "leg-1", "Linkedid": "c1"]))
        await at(14, Self.agentEvent("AgentComplete", ["HoldTime": "4", "TalkTime": "26", "Reason": "agent"]))
        await at(1, AMIMessage(["Event": "Newchannel", "Uniqueid": "c2", "Queue": "support"]))  // not app_queue's: ignored

        let support = try #require(await statistics.queueIntervals("support"))
        #expect(support.intervalSeconds == 1800)
        #expect(support.intervals.map(\.start) == [Date(timeIntervalSince1970: Self.base)])
        let q = try #require(support.intervals.first?.statistics)
        #expect(q.offered == 1 && q.answered == 1 && q.handled == 1)
        #expect(q.answeredWaitTime == 4 && q.holdTime == 6 && q.talkTime == 20)
        #expect(await statistics.queueIntervals("sales")?.intervals.isEmpty == true)
        #expect(await statistics.queueIntervals("nowhere") == nil)

        let agent = try #require(await statistics.agentIntervals("1001")?.intervals.first?.statistics)
        #expect(agent.handled == 1 && agent.holdTime == 6 && agent.talkTime == 20)
        #expect(agent.stateTime == [.ready: 11, .offered: 4, .onCall: 26])  // ready 0–10 and 40–41
        #expect(await statistics.agentIntervals("1002") == nil)
    }
}
