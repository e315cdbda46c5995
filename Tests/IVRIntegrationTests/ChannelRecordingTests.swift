import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Telephony
import Testing

/// `POST /channels/{id}/record` as the IVR uses it, and its refusals as typed errors.
@Suite struct ChannelRecordingTests {
    @Test func refusalsAreTypedErrors() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: IVRDNISRoutes(["7100": "quick"])) { ivr in
            // An agent leg the IVR leaves alone: in Stasis, Down until dialled.
            let ringing = try await ivr.rest.createChannel(endpoint: "PJSIP/1001", application: "ctibridge", appArgs: ["agent"]).id
            func code(_ body: () async throws -> Void) async -> ARIError.Code? {
                do {
                    try await body()
                    return nil
                } catch {
                    return (error as? ARIError)?.code
                }
            }
            #expect(await code { _ = try await ivr.rest.record(ringing, ARIRecordRequest(name: "r1")) } == .invalidState)
            #expect(await code { _ = try await ivr.rest.record("no-such-channel", ARIRecordRequest(name: "r2")) } == .notFound)
            try await ivr.rest.dial(ringing)
            #expect(await ivr.simulator.requestLog.wait { _ in ivr.simulator.channel(ringing)?.state == .up })
            #expect(await code { _ = try await ivr.rest.record(ringing, ARIRecordRequest(name: "r3", format: "mp3")) } == .unprocessable)
            let live = try await ivr.rest.record(ringing, ARIRecordRequest(name: "r4"))
            #expect(live.targetURI == "channel:\(ringing)")
            #expect(await code { _ = try await ivr.rest.record(ringing, ARIRecordRequest(name: "r4")) } == .notInStasis)
            try await ivr.rest.stopLiveRecording("r4")
            let stored = try await ivr.rest.storedRecordings()
            #expect(stored.map(\.name).contains("r4"))
        }
    }

    @Test func hangingUpStopsTheChannelsRecordingAndKeepsTheFile() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: IVRDNISRoutes(["7100": "quick"])) { ivr in
            let channel = try ivr.simulator.injectInboundCall(application: "ctibridge", exten: "1001", args: ["agent"]).id
            try await ivr.rest.answer(channel)
            _ = try await ivr.rest.record(channel, ARIRecordRequest(name: "hangup-test"))
            try await Task.sleep(for: .milliseconds(100))
            try ivr.simulator.hangUp(channelID: channel)
            // Gone from the live list, kept as a stored WAV.
            #expect(await code404 { _ = try await ivr.rest.liveRecording("hangup-test") })
            let bytes = try await ivr.rest.storedRecordingFile("hangup-test")
            #expect(bytes.starts(with: Array("RIFF".utf8)))
        }
    }
}

/// Whether `body` fails with 404.
func code404(_ body: () async throws -> Void) async -> Bool {
    do {
        try await body()
        return false
    } catch {
        return (error as? ARIError)?.code == .notFound
    }
}
