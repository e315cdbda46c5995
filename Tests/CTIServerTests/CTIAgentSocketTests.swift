import CTICore
import NIOWebSocket
import Testing
import WSCore
@testable import CTIServer

@Suite struct CTIAgentSocketTests {
    /// Reads the welcome frame and returns the agent's last sequence number.
    static func welcome(_ socket: CTITestSocket) async throws -> UInt64 {
        let frame = try await socket.next()
        guard case .welcome(let welcome)? = frame else {
            Issue.record("expected welcome, got \(String(describing: frame))")
            return 0
        }
        return welcome.lastSeq
    }

    /// Waits until the hub has `count` agent sockets.
    static func waitForSockets(_ hub: CTIHub, _ count: Int) async throws {
        for _ in 0..<500 where await hub.connectionCounts.agentSockets != count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await hub.connectionCounts.agentSockets == count)
    }

    @Test func popReachesEveryTabOfItsAgentAndNoOtherAgent() async throws {
        try await CTITestServer.with { server in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for token in ["tok-alice", "tok-alice-2", "tok-bob"] {
                    group.addTask {
                        let calls = Collected<String>()
                        try await CTITestSocket.connect("\(server.ws)/ws/agent?token=\(token)") { socket in
                            _ = try await Self.welcome(socket)
                            let (seq, message) = try await socket.nextPop()
                            #expect(seq == 1)
                            calls.append(message.callID ?? "")
                        }
                        return calls.items
                    }
                }
                try await Self.waitForSockets(server.hub, 3)
                #expect(await server.hub.connectionCounts.agents == 2)
                #expect(await server.hub.publish(CTISamples.offer("alice-call"), to: "A1") == 1)
                #expect(await server.hub.publish(CTISamples.offer("bob-call"), to: "A2") == 1)
                var seen: [String] = []
                for try await calls in group { seen += calls }
                // Each of Alice's tabs got her call; Bob's first pop is his own.
                #expect(seen.sorted() == ["alice-call", "alice-call", "bob-call"])
            }
        }
    }

    @Test func reconnectWithLastSeqReplaysWhatWasMissed() async throws {
        try await CTITestServer.with { server in
            try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                #expect(try await Self.welcome(socket) == 0)
                await server.hub.publish(CTISamples.offer("c1"), to: "A1")
                let (seq, _) = try await socket.nextPop()
                #expect(seq == 1)
            }
            // While disconnected (a Wi-Fi blip) three more messages are sent.
            await server.hub.publish(.connected(CTISamples.call("c1")), to: "A1")
            await server.hub.publish(.callEnded(CTICallEnded(callID: "c1", reason: "caller", talkSeconds: 30)), to: "A1")
            await server.hub.publish(.wrapUp(CTIWrapUp(callID: "c1", seconds: 20, dispositions: ["resolved"])), to: "A1")
            // Reconnect with the token in the first frame and the last sequence seen.
            try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                try await socket.send(.auth(token: "tok-alice", lastSeq: 1))
                #expect(try await Self.welcome(socket) == 4)
                var replayed: [String] = []
                for expected in UInt64(2)...4 {
                    let (seq, message) = try await socket.nextPop()
                    #expect(seq == expected)
                    replayed.append(message.type)
                }
                #expect(replayed == ["connected", "callEnded", "wrapUp"])
                // Live pops continue after the replay.
                await server.hub.publish(CTISamples.offer("c2"), to: "A1")
                #expect(try await socket.nextPop().0 == 5)
                // `resume` asks again on an open socket.
                try await socket.send(.resume(lastSeq: 3))
                #expect(try await socket.nextPop().0 == 4)
                #expect(try await socket.nextPop().0 == 5)
            }
        }
    }

    @Test func acknowledgementsAreRecordedAndBadOnesAnswered() async throws {
        try await CTITestServer.with { server in
            try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                _ = try await Self.welcome(socket)
                await server.hub.publish(CTISamples.offer("c1"), to: "A1")
                _ = try await socket.nextPop()
                try await socket.send(.ack(seq: 1))
                #expect(try await socket.next() == .ack(seq: 1))
                #expect(await server.hub.acknowledged(for: "A1") == 1)
                try await socket.send(.ack(seq: 99))
                #expect(try await socket.nextError().code == .invalidSequence)
            }
        }
    }

    @Test func malformedJSONAndUnknownTypeGetAnErrorFrameAndTheSocketStaysOpen() async throws {
        try await CTITestServer.with { server in
            let close = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                _ = try await Self.welcome(socket)
                try await socket.sendRaw("{\"v\":1,\"type\":")
                #expect(try await socket.nextError().code == .malformedJSON)
                try await socket.sendRaw(#"{"v":1,"type":"teleport","data":{}}"#)
                let unknown = try await socket.nextError()
                #expect(unknown.code == .unknownType)
                #expect(unknown.message.contains("teleport"))
                try await socket.sendRaw(#"{"v":1,"type":"ack","data":{"seq":"one"}}"#)
                #expect(try await socket.nextError().code == .invalidData)
                await server.hub.publish(CTISamples.offer("still-here"), to: "A1")
                #expect(try await socket.nextPop().1.callID == "still-here")
            }
            #expect(close == nil || close?.closeCode == .normalClosure)
        }
    }

    @Test func oversizedFrameClosesWith1009() async throws {
        try await CTITestServer.with { server in
            let close = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                _ = try await Self.welcome(socket)
                let big = #"{"v":1,"type":"ping","data":{"pad":""# + String(repeating: "x", count: 20 * 1024) + #""}}"#
                try await socket.sendRaw(big)
                while try await socket.next() != nil {}
            }
            #expect(close?.closeCode == .messageTooLarge)
            try await Self.waitForSockets(server.hub, 0)
        }
    }

    @Test func revokedTokenClosesItsSocketsWith1008() async throws {
        try await CTITestServer.with { server in
            // Revoked only once both sockets have their welcome (a socket that had to connect
            // once more must not find its token revoked).
            let (welcomed, welcome) = AsyncStream.makeStream(of: Void.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let close = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                        _ = try await Self.welcome(socket)
                        welcome.yield()
                        #expect(try await socket.nextError().code == .tokenRevoked)
                        #expect(try await socket.next() == nil)
                    }
                    #expect(close?.closeCode == .policyViolation)
                }
                group.addTask {
                    // Alice's other session is not revoked and keeps receiving.
                    try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice-2") { socket in
                        _ = try await Self.welcome(socket)
                        welcome.yield()
                        #expect(try await socket.nextPop().1.callID == "after-revoke")
                    }
                }
                var welcomes = welcomed.makeAsyncIterator()
                for _ in 0..<2 { await welcomes.next() }
                try await Self.waitForSockets(server.hub, 2)
                server.auth.revoke(token: "tok-alice")
                try await Self.waitForSockets(server.hub, 1)
                await server.hub.publish(CTISamples.offer("after-revoke"), to: "A1")
                try await group.waitForAll()
            }
            #expect(await server.auth.authenticate(token: "tok-alice") == nil)
        }
    }

    @Test func unauthenticatedSocketsAreRefused() async throws {
        try await CTITestServer.with { server in
            // A bad token in the URL: the upgrade itself is refused.
            await #expect(throws: (any Error).self) {
                try await CTITestSocket.connect("\(server.ws)/ws/agent?token=wrong") { _ in Issue.record("must not upgrade") }
            }
            // No token and a first frame that is not auth.
            let noAuth = try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                try await socket.send(.ack(seq: 1))
                #expect(try await socket.nextError().code == .unauthorized)
                #expect(try await socket.next() == nil)
            }
            #expect(noAuth?.closeCode == .policyViolation)
            // An auth frame with a bad token.
            let badAuth = try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                try await socket.send(.auth(token: "wrong", lastSeq: nil))
                #expect(try await socket.nextError().code == .unauthorized)
                #expect(try await socket.next() == nil)
            }
            #expect(badAuth?.closeCode == .policyViolation)
            // A supervisor has no agent id: no agent socket.
            let notAgent = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-sue") { socket in
                let error = try await socket.nextError()
                #expect(error.code == .forbidden)
                #expect(try await socket.next() == nil)
            }
            #expect(notAgent?.closeCode == .policyViolation)
            #expect(await server.hub.connectionCounts.agentSockets == 0)
        }
    }

    @Test func actionsOverTheSocketAreRepliedToAndChangeState() async throws {
        try await CTITestServer.with { server in
            try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                _ = try await Self.welcome(socket)
                try await socket.send(.action(id: "r1", .login(queues: ["support"])))
                var frames: [CTIServerFrame] = []
                for _ in 0..<2 { if let frame = try await socket.next() { frames.append(frame) } }
                #expect(frames.contains(.reply(CTIActionReply(id: "r1", action: "login", ok: true))))
                #expect(frames.contains {
                    if case .pop(_, .stateChanged(let change)) = $0 { return change.state == .paused && change.queues == ["support"] }
                    return false
                })
                try await socket.send(.action(id: "r2", .createTicket(callID: "c1", subject: "Refund", description: "", priority: "high")))
                guard case .reply(let reply)? = try await socket.next() else { Issue.record("expected a reply"); return }
                #expect(reply.id == "r2")
                #expect(reply.result["ticketID"]?.hasPrefix("T-") == true)
            }
            #expect(server.actions.performed.map(\.agentID) == ["A1", "A1"])
        }
    }

    @Test func supervisorFeedGetsTheWallboardAndAgentsDoNot() async throws {
        try await CTITestServer.with { server in
            let first = WallboardSnapshot(generatedAt: 1, queues: [
                .init(queue: "support", name: "Support", waiting: 3, longestWaitSeconds: 75, serviceLevelToday: 0.82,
                      answeredToday: 120, abandonedToday: 4, agentsReady: 2)
            ], agents: [.init(agentID: "A1", name: "Alice", state: .ready, secondsInState: 12)])
            await server.hub.publishWallboard(first)
            try await CTITestSocket.connect("\(server.ws)/ws/supervisor?token=tok-sue") { socket in
                guard case .welcome(let welcome)? = try await socket.next() else { Issue.record("expected welcome"); return }
                #expect(welcome.role == "supervisor")
                #expect(try await socket.next() == .wallboard(first))
                var second = first
                second.generatedAt = 2
                second.queues[0].waiting = 5
                await server.hub.publishWallboard(second)
                #expect(try await socket.next() == .wallboard(second))
            }
            // An agent may not open the feed (a QA user is refused the same way; see CTIRoutesTests for the REST side).
            for token in ["tok-alice"] {
                let close = try await CTITestSocket.connect("\(server.ws)/ws/supervisor?token=\(token)") { socket in
                    let error = try await socket.nextError()
                    #expect(error.code == .forbidden)
                    #expect(try await socket.next() == nil)
                }
                #expect(close?.closeCode == .policyViolation)
            }
        }
    }
}
