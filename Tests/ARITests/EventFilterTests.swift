import ARI
import AsteriskSimulator
import CTICore
import Foundation
import NIOHTTP1
import Testing

/// `PUT /applications/{app}/eventFilter`: the filter's rules, the simulator keeping to them, and
/// the events client putting the configured filter after each connect.
@Suite struct EventFilterTests {
    @Test func disallowedWinsAndAnEmptyAllowedListAllowsAll() {
        #expect(ARIEventFilter().allows("ChannelVarset"))
        let filter = ARIEventFilter(allowed: ["StasisStart", "ChannelVarset"], disallowed: ["ChannelVarset"])
        #expect(filter.allows("StasisStart"))
        #expect(!filter.allows("ChannelVarset"))
        #expect(!filter.allows("StasisEnd"))
        #expect(!filter.allows("stasisstart"))
        #expect(ARIEventFilter(disallowed: ["Dial"]).allows("StasisEnd"))
    }

    @Test func bodiesFollowAsterisksRules() throws {
        let current = ARIEventFilter(allowed: ["StasisStart"], disallowed: ["Dial"])
        #expect(try current.updated(by: .object([:])) == ARIEventFilter())
        let onlyAllowed = try current.updated(by: .object(["allowed": .array([.object(["type": .string("StasisEnd")])])]))
        #expect(onlyAllowed == ARIEventFilter(allowed: ["StasisEnd"], disallowed: ["Dial"]))
        #expect(try current.updated(by: .object(["disallowed": .array([])])) == ARIEventFilter(allowed: ["StasisStart"]))
        #expect(try current.updated(by: current.json) == current)

        let bad: [ARIJSON] = [
            .array([]),
            .object(["allowed": .string("StasisStart")]),
            .object(["allowed": .array([.string("StasisStart")])]),
            .object(["allowed": .array([.object(["name": .string("StasisStart")])])]),
            .object(["disallowed": .array([.object(["type": .string("")])])]),
        ]
        for body in bad {
            #expect(throws: ARIError.self) { try current.updated(by: body) }
        }
    }

    @Test func theSimulatorSendsOnlyAllowedTypesAndReportsTheFilter() async throws {
        try await withSimulator { simulator, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                let filter = ARIEventFilter(allowed: ["StasisStart", "ChannelDestroyed", "ChannelVarset"], disallowed: ["ChannelVarset"])
                let application = try await client.rest.setEventFilter("ctibridge", filter)
                #expect(try ARIEventFilter(application: application) == filter)
                #expect(try ARIEventFilter(application: try await client.rest.application("ctibridge")) == filter)

                try simulator.injectInboundCall(application: "ctibridge", channelID: "f1")
                try await client.rest.answer("f1")
                try await client.rest.hangup("f1")
                let types = try await collect(subscription) { $0.type == "ChannelDestroyed" }.compactMap(\.type)
                #expect(types == ["StasisStart", "ChannelDestroyed"])

                // `{}` clears both lists: every type comes again.
                _ = try await client.rest.send(.PUT, ["applications", "ctibridge", "eventFilter"], jsonBody: Array("{}".utf8))
                try simulator.injectInboundCall(application: "ctibridge", channelID: "f2")
                try await client.rest.hangup("f2")
                let all = try await collect(subscription) { $0.type == "ChannelDestroyed" }.compactMap(\.type)
                #expect(all.contains("ChannelHangupRequest"))
                #expect(all.contains("StasisEnd"))
            }
        }
    }

    @Test func badFilterRequestsAreRefusedAndChangeNothing() async throws {
        try await withSimulator { _, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                let kept = ARIEventFilter(allowed: ["StasisStart"])
                _ = try await client.rest.setEventFilter("ctibridge", kept)
                for body in ["not json", "[]", #"{"allowed":"StasisStart"}"#, #"{"allowed":[{"kind":"StasisStart"}]}"#] {
                    let error = await #expect(throws: ARIError.self) {
                        _ = try await client.rest.send(.PUT, ["applications", "ctibridge", "eventFilter"], jsonBody: Array(body.utf8))
                    }
                    #expect(error?.code == .badRequest, "\(body)")
                }
                let unknown = await #expect(throws: ARIError.self) { _ = try await client.rest.setEventFilter("nobody", kept) }
                #expect(unknown?.code == .notFound)
                #expect(try ARIEventFilter(application: try await client.rest.application("ctibridge")) == kept)
            }
        }
    }

    @Test func theClientPutsItsFilterOnConnectAndCarriesOnWhenRefused() async throws {
        try await withSimulator { simulator, baseURL in
            let filter = ARIEventFilter(allowed: ["StasisStart", "StasisEnd", "ApplicationReplaced"])
            var configuration = testConfiguration(baseURL: baseURL)
            configuration.eventFilter = filter
            try await withEventsClient(configuration) { client, subscription in
                let snapshot = try await collect(subscription) { $0.snapshot != nil }.last?.snapshot
                #expect(try snapshot.map { try ARIEventFilter(application: $0.application) } == filter)
                try simulator.injectInboundCall(application: "ctibridge", channelID: "c1")
                try await client.rest.hangup("c1")
                let types = try await collect(subscription) { $0.type == "StasisEnd" }.compactMap(\.type)
                #expect(types == ["StasisStart", "StasisEnd"])
            }

            // Asterisk refuses the filter (an entry without a type): the socket still connects,
            // resyncs and reads every event.
            var refused = testConfiguration(baseURL: baseURL, application: "other")
            refused.eventFilter = ARIEventFilter(allowed: [""])
            try await withEventsClient(refused) { client, subscription in
                let snapshot = try await collect(subscription) { $0.snapshot != nil }.last?.snapshot
                #expect(snapshot?.application.eventsAllowed == [])
                try simulator.injectInboundCall(application: "other", channelID: "c2")
                try await client.rest.hangup("c2")
                let types = try await collect(subscription) { $0.type == "ChannelDestroyed" }.compactMap(\.type)
                #expect(types.contains("ChannelHangupRequest"))
            }
        }
    }
}
