import AsyncHTTPClient
import CTICore
import CTIDemo
import Foundation
import NIOCore
import NIOHTTP1
import Telephony
import Testing

/// `ctibridge_event_lag_seconds` on `/metrics`: every ARI event the contact centre handles is
/// timed from Asterisk's own timestamp.
@Suite("Event lag metric", .serialized)
struct EventLagMetricsTests {
    /// `GET /metrics` with a bearer token: status and text.
    static func metrics(_ base: String, token: String) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: "\(base)/metrics")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        return (Int(response.status.code), String(buffer: body))
    }

    /// The value of the first exposition line starting with `prefix`.
    static func value(_ prefix: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    @Test("a call's ARI events are counted with a loopback-sized lag; agents may not read the metrics")
    func lagOfACall() async throws {
        try await EndToEnd.with { world in
            let supervisor = try await FlowAPITests.login(world.http, "supervisor")
            let before = try await Self.metrics(world.http, token: supervisor)
            let countBefore = Self.value(#"ctibridge_event_lag_seconds_count{source="ari"}"#, in: before.text) ?? 0

            let channel = try world.callers.placeCall()
            let connected = await world.events.first { event -> Bool? in
                if case .connected(let call, _, _, _) = event, call.rawValue == channel { return true }
                return nil
            }
            #expect(connected == true)

            // StasisStart, the IVR's events, the agent leg's StasisStart: at least three handled.
            var text = ""
            var count = 0.0
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                text = try await Self.metrics(world.http, token: supervisor).text
                count = Self.value(#"ctibridge_event_lag_seconds_count{source="ari"}"#, in: text) ?? 0
                if count >= countBefore + 3 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(count >= countBefore + 3, "\(text)")
            #expect(text.contains("# TYPE ctibridge_event_lag_seconds histogram"))
            let infinite = Self.value(#"ctibridge_event_lag_seconds_bucket{source="ari",le="+Inf"}"#, in: text)
            #expect(infinite == count)
            // Read in the wrong time zone or unit, lags would be hours or thousands of seconds.
            let sum = try #require(Self.value(#"ctibridge_event_lag_seconds_sum{source="ari"}"#, in: text))
            #expect(sum >= 0)
            #expect(sum / count < 2, "mean lag \(sum / count) s on loopback")

            let agent = try await FlowAPITests.login(world.http, "1001")
            #expect(try await Self.metrics(world.http, token: agent).status == 403)
        }
    }
}
