import CTICore
import NIOWebSocket
import Testing
import WSCore
@testable import CTIServer

/// A refused or revoked socket gets its error frame, then the close, with nothing in between and
/// no pause: many at once, so a close overtaking its error frame would show.
@Suite struct CTISocketRefusalTests {
    /// Was disabled as flaky under load; the session race below (a reader that lost the refusal to
    /// the auth timer ended the session, cancelling the timer's error frame or close) is fixed.
    @Test func everyRefusedSocketReadsItsErrorBeforeTheClose() async throws {
        try await CTITestServer.with { server in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let close = try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                            if index.isMultiple(of: 2) {
                                try await socket.send(.auth(token: "wrong-\(index)", lastSeq: nil))
                            } else {
                                try await socket.send(.ack(seq: UInt64(index)))
                            }
                            #expect(try await socket.nextError().code == .unauthorized)
                            #expect(try await socket.next() == nil)
                        }
                        #expect(close?.closeCode == .policyViolation)
                    }
                }
                // A supervisor token on the agent feed: refused at once, as forbidden.
                for _ in 0..<8 {
                    group.addTask {
                        let close = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-sue") { socket in
                            let error = try await socket.nextError()
                            #expect(error.code == .forbidden)
                            #expect(try await socket.next() == nil)
                        }
                        #expect(close?.closeCode == .policyViolation)
                    }
                }
                try await group.waitForAll()
            }
            #expect(await server.hub.connectionCounts.agentSockets == 0)
        }
    }

    /// The auth timer refuses a silent socket; a frame that reaches the reader during the refusal's
    /// grace (after the error frame, before the close) must not end the session and cut the
    /// refusal short (which closed with 1011, or before the error frame was written).
    @Test func aFrameDuringTheAuthTimersRefusalDoesNotCutItShort() async throws {
        // 400 ms, not less: the test client can miss frames that arrive while it is still upgrading
        // (see `CTITestSocket.connect`), and a loaded machine stretches its upgrade.
        try await CTITestServer.with(configuration: CTIServerConfiguration(port: 0, authTimeout: .milliseconds(400))) { server in
            for late in [CTIClientMessage.ack(seq: 1), .auth(token: "tok-alice", lastSeq: nil), .auth(token: "wrong", lastSeq: nil)] {
                let close = try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                    let error = try await socket.nextError()
                    #expect(error.code == .unauthorized)
                    #expect(error.message.contains("in time"))
                    try? await socket.send(late)
                    #expect(try await socket.next() == nil)
                }
                #expect(close?.closeCode == .policyViolation, "after \(late)")
            }
            let deadline = ContinuousClock.now + .seconds(20)
            while await server.hub.connectionCounts.agentSockets != 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await server.hub.connectionCounts.agentSockets == 0)
        }
    }

    @Test func aRevokedSocketReadsThePopsBeforeItThenTheErrorThenTheClose() async throws {
        try await CTITestServer.with { server in
            let close = try await CTITestSocket.connect("\(server.ws)/ws/agent?token=tok-alice") { socket in
                _ = try await CTIAgentSocketTests.welcome(socket)
                for index in 0..<20 { await server.hub.publish(CTISamples.offer("before-\(index)"), to: "A1") }
                await server.hub.revoke(token: "tok-alice")
                for index in 0..<20 { #expect(try await socket.nextPop().1.callID == "before-\(index)") }
                #expect(try await socket.nextError().code == .tokenRevoked)
                #expect(try await socket.next() == nil)
            }
            #expect(close?.closeCode == .policyViolation)
        }
    }
}

/// The test client's guard against a silent socket (see `CTITestSocket.connect`).
@Suite struct CTITestSocketSilenceTests {
    @Test func aSocketThatHearsNothingIsTriedOnceMoreThenFailsWithTheServersLog() async throws {
        try await CTITestServer.with { server in
            let attempts = Collected<Int>()
            // No token and no auth frame: the server says nothing until its 10 s auth timer.
            let error = await #expect(throws: CTITestSocket.SilentSocket.self) {
                try await CTITestSocket.connect("\(server.ws)/ws/agent") { socket in
                    attempts.append(1)
                    _ = try await socket.next(timeout: .milliseconds(300))
                }
            }
            #expect(attempts.items.count == 2)
            #expect(error?.description.contains("socket session started") == true, "the server's log is in the failure")
        }
    }
}
