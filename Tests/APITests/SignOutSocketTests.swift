import CTICore
import CTIServer
import Foundation
import Logging
import NIOHTTP1
import NIOWebSocket
import Storage
import Testing
import WSClient

/// Deactivating a user also closes the agent desktop sockets they have open.
@Suite struct SignOutSocketTests {
    enum Outcome: Sendable {
        case closed(WebSocketCloseFrame?)
        case timedOut
    }

    @Test func deactivationClosesTheUsersSockets() async throws {
        try await APITestServer.with { server in
            let alice = server.userIDs["alice"]!
            let url = "ws://127.0.0.1:\(server.port)/ws/agent?token=\(server.tokens["alice"]!)"
            let logger = {
                var logger = Logger(label: "api.test.ws")
                logger.logLevel = .critical
                return logger
            }()
            // The server ends the socket; a safety timeout keeps a regression from hanging the run.
            let outcome = try await withThrowingTaskGroup(of: Outcome.self) { group in
                group.addTask {
                    let close = try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
                        var frames = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                        let welcome = try await frames.next()
                        guard case .text(let text)? = welcome else {
                            Issue.record("no welcome frame: \(String(describing: welcome))")
                            return
                        }
                        #expect(text.contains("welcome"))
                        let answer = try await server.call(.POST, "/api/users/\(alice)/deactivate", as: "admin")
                        #expect(answer.status == 200)
                        while try await frames.next() != nil {}
                    }
                    return .closed(close)
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(30))
                    return .timedOut
                }
                let first = try await group.next() ?? .timedOut
                group.cancelAll()
                return first
            }
            guard case .closed(let close) = outcome else {
                Issue.record("the socket was not closed within 30 s")
                return
            }
            #expect(close?.closeCode == .policyViolation)
        }
    }
}
