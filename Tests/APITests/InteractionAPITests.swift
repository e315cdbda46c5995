import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite struct InteractionAPITests {
    static func record(_ server: APITestServer, agent: String, from: String = "0912345678", at offset: TimeInterval = 0) async throws -> Interaction {
        try await server.store.interactions.record(
            InteractionDraft(
                callID: UUID().uuidString, direction: .inbound, fromNumber: from, toNumber: "1900", queue: "support", agent: agent,
                ivrPath: ["welcome", "menu"], startedAt: Date(timeIntervalSince1970: 1_800_000_000 + offset), waitSeconds: 12, talkSeconds: 90))
    }

    @Test func timelineIsNewestFirstAndPaged() async throws {
        try await APITestServer.with { server in
            let ada = try await server.createCustomer(#"{"name":"Ada","phoneNumbers":["0912345678"]}"#)
            var calls: [Interaction] = []
            for index in 0..<5 { calls.append(try await Self.record(server, agent: "alice", at: Double(index) * 60)) }
            _ = try await Self.record(server, agent: "bob", from: "0900000000")
            let first = try await server.call(.GET, "/api/customers/\(ada.id)/interactions?limit=2", as: "quinn")
            #expect(first.status == 200)
            let page = try first.decode(Page<Interaction>.self)
            #expect(page.total == 5 && page.items.map(\.id) == [calls[4].id, calls[3].id])
            let last = try await server.call(.GET, "/api/customers/\(ada.id)/interactions?limit=2&offset=4", as: "alice").decode(Page<Interaction>.self)
            #expect(last.items.map(\.id) == [calls[0].id] && !last.hasMore)
            #expect(try await server.call(.GET, "/api/customers/9999/interactions", as: "alice").status == 404)

            let one = try await server.call(.GET, "/api/interactions/\(calls[0].id)", as: "alice")
            let read = try one.decode(Interaction.self)
            #expect(read.id == calls[0].id && read.customerID == ada.id && read.ivrPath == ["welcome", "menu"] && read.talkSeconds == 90)
            #expect(try await server.call(.GET, "/api/interactions/9999", as: "alice").status == 404)
        }
    }

    @Test func agentsSetTheDispositionOfTheirOwnCallsOnly() async throws {
        try await APITestServer.with { server in
            let alices = try await Self.record(server, agent: "alice")
            let answer = try await server.call(
                .PUT, "/api/interactions/\(alices.id)/disposition", as: "alice", body: #"{"disposition":"resolved","note":"refund sent"}"#)
            #expect(answer.status == 200, "\(answer.body)")
            #expect(try answer.decode(Interaction.self).disposition == "resolved: refund sent")
            let others = try await server.call(.PUT, "/api/interactions/\(alices.id)/disposition", as: "bob", body: #"{"disposition":"spam"}"#)
            #expect(others.status == 403 && others.errorCode == "forbidden")
            let supervisor = try await server.call(.PUT, "/api/interactions/\(alices.id)/disposition", as: "sue", body: #"{"disposition":"callback"}"#)
            #expect(try supervisor.decode(Interaction.self).disposition == "callback")
            let empty = try await server.call(.PUT, "/api/interactions/\(alices.id)/disposition", as: "alice", body: #"{"disposition":"  "}"#)
            #expect(empty.status == 422 && empty.errorFields == ["disposition"])
            #expect(try await server.store.interactions.get(id: alices.id).disposition == "callback")
        }
    }
}
