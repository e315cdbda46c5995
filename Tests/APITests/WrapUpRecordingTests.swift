import CTIApp
import CTICore
import Foundation
import Storage
import Synchronization
import Telephony
import Testing

/// The wrap-up after a call is stored on the call's interaction once the agent leaves wrap-up
/// (the interaction itself is written when the call ends).
@Suite struct WrapUpRecordingTests {
    static let call = ACDCallInfo(id: "call-7", channelID: "call-7", queue: "support", callerNumber: "+84903111222", dnis: "7000")

    @Test func theWrapUpTimeIsStoredWhenTheAgentLeavesWrapUp() async throws {
        try await withTemporaryStore("wrap-up") { (store: CTIStore) async throws in
            let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
            let recorder = InteractionRecorder(store: store, wallClock: { now.withLock { $0 } })

            await recorder.handle(.queued(Self.call, position: 1))
            await recorder.handle(.offered(agent: "1003", call: Self.call, wait: 4))
            await recorder.handle(.connected("call-7", agent: "1003", bridgeID: "b-7", recording: nil))
            await recorder.handle(.ended("call-7", agent: "1003", by: .caller, talkSeconds: 60))
            await recorder.handle(.wrapUp(agent: "1003", queue: "support", until: ACDInstant(seconds: 90)))
            await recorder.handle(.agentState("1003", .wrapUp(until: ACDInstant(seconds: 90))))
            #expect(try await store.interactions.find(callID: "call-7")?.wrapUpSeconds == 0, "still wrapping up")

            now.withLock { $0 += 25 }
            await recorder.handle(.agentState("1003", .ready))
            #expect(try await store.interactions.find(callID: "call-7")?.wrapUpSeconds == 25)

            // Later state changes (a pause, the next call) do not touch the stored call again.
            now.withLock { $0 += 100 }
            await recorder.handle(.agentState("1003", .paused(reason: "break")))
            #expect(try await store.interactions.find(callID: "call-7")?.wrapUpSeconds == 25)
        }
    }

    @Test func aCallWithoutWrapUpKeepsZero() async throws {
        try await withTemporaryStore("wrap-up") { (store: CTIStore) async throws in
            let recorder = InteractionRecorder(store: store)
            await recorder.handle(.queued(Self.call, position: 1))
            await recorder.handle(.offered(agent: "1003", call: Self.call, wait: 4))
            await recorder.handle(.ended("call-7", agent: "1003", by: .agent, talkSeconds: 30))
            await recorder.handle(.agentState("1003", .ready))
            #expect(try await store.interactions.find(callID: "call-7")?.wrapUpSeconds == 0)
            await #expect(throws: RepositoryError.self) {
                try await store.interactions.setWrapUp(callID: "call-7", agent: "1003", seconds: -1)
            }
        }
    }
}
