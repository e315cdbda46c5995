import CTICore
import Testing
@testable import CTIServer

@Suite struct CTIHubTests {
    @Test func aSlowSocketIsClosedInsteadOfGrowingItsQueue() async throws {
        let hub = CTIHub(journalCapacity: 64, sendQueueLimit: 4)
        let (_, stream) = await hub.attachAgent(principal: CTITestServer.alice, agentID: "A1", token: "t", lastSeq: nil)
        for index in 1...20 { await hub.publish(CTISamples.offer("c\(index)"), to: "A1") }
        // The socket never drained: it was dropped from the hub after filling its queue.
        #expect(await hub.connectionCounts.agentSockets == 0)
        var received: [CTIOutbound] = []
        for await frame in stream { received.append(frame) }
        // welcome + 4 pops, then the queue ends (the writer closes with 1013).
        #expect(received.count == 5)
        // The journal still has every pop for a reconnect.
        #expect(await hub.lastSeq(for: "A1") == 20)
    }

    @Test func replayOnAttachIsQueuedBeforeLivePops() async throws {
        let hub = CTIHub()
        for index in 1...3 { await hub.publish(CTISamples.offer("c\(index)"), to: "A1") }
        let (_, stream) = await hub.attachAgent(principal: CTITestServer.alice, agentID: "A1", token: "t", lastSeq: 1)
        await hub.publish(CTISamples.offer("c4"), to: "A1")
        var sequences: [UInt64] = []
        for await frame in stream {
            guard case .text(let text) = frame else { continue }
            if case .pop(let seq, _) = try CTIServerFrame.decode(text) { sequences.append(seq) }
            if sequences.count == 3 { break }
        }
        #expect(sequences == [2, 3, 4])
    }

    @Test func replayBeyondTheBoundStartsWithAnError() async throws {
        let hub = CTIHub(journalCapacity: 2)
        for index in 1...5 { await hub.publish(CTISamples.offer("c\(index)"), to: "A1") }
        let (_, stream) = await hub.attachAgent(principal: CTITestServer.alice, agentID: "A1", token: "t", lastSeq: 0)
        var frames: [CTIServerFrame] = []
        for await frame in stream {
            guard case .text(let text) = frame else { continue }
            frames.append(try CTIServerFrame.decode(text))
            if frames.count == 4 { break }
        }
        guard case .error(let error) = frames[1] else { Issue.record("expected the gap error"); return }
        #expect(error.code == .invalidSequence)
        #expect(frames[2] == .pop(seq: 4, CTISamples.offer("c4")))
        #expect(frames[3] == .pop(seq: 5, CTISamples.offer("c5")))
    }
}
