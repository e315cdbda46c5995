import ARI
import CTICore
import Foundation
import Testing

/// What the decoders do with JSON that is not quite what the captures show.
@Suite struct OddJSONTests {
    static let channel = #"{"id":"c1","name":"PJSIP/a-1","state":"Up","caller":{"name":"","number":""},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"c","exten":"s","priority":1,"app_name":"","app_data":""},"creationtime":"2026-11-22T18:02:04.506+0000","language":"en"}"#

    @Test func missingOptionalFieldsAreTolerated() throws {
        let event = try ARIEvent.decode(#"{"type":"StasisEnd","application":"a","timestamp":"t","channel":\#(Self.channel)}"#)
        #expect(event.asteriskID == nil)
        #expect(event.channel?.channelvars == nil)
        #expect(event.channel?.protocolID == nil)
        #expect(event.channel?.linkedID == nil)
    }

    @Test func extraFieldsAreIgnored() throws {
        let event = try ARIEvent.decode(#"{"type":"ChannelDtmfReceived","application":"a","timestamp":"t","digit":"5","duration_ms":90,"future_field":{"x":[1,2]},"channel":\#(Self.channel)}"#)
        guard case .channelDtmfReceived(let dtmf) = event.payload else {
            Issue.record("wrong payload")
            return
        }
        #expect(dtmf.digit == "5")
    }

    @Test func unknownStatesAreKept() throws {
        let odd = Self.channel.replacingOccurrences(of: #""state":"Up""#, with: #""state":"Mute""#)
        let event = try ARIEvent.decode(#"{"type":"ChannelStateChange","application":"a","timestamp":"t","channel":\#(odd)}"#)
        #expect(event.channel?.state.rawValue == "Mute")
    }

    @Test func unknownEventTypesAreKeptWhole() throws {
        let text = #"{"type":"ChannelTalkingStarted","application":"a","timestamp":"t","channel":{"id":"c1"},"extra":1}"#
        let event = try ARIEvent.decode(text)
        #expect(event.type == "ChannelTalkingStarted")
        guard case .unknown(let json) = event.payload, case .object(let object) = json else {
            Issue.record("unknown type not kept")
            return
        }
        #expect(object["extra"] == .number(1))
        #expect(object["channel"] == .object(["id": .string("c1")]))
        let reencoded = try ARIEvent.decode(Data(try JSONEncoder().encode(event)))
        #expect(reencoded == event)
    }

    @Test func wrongTypeNamesTheField() {
        let text = #"{"type":"ChannelDtmfReceived","application":"a","timestamp":"t","digit":"5","duration_ms":"long","channel":\#(Self.channel)}"#
        #expect {
            _ = try ARIEvent.decode(text)
        } throws: { error in
            guard let error = error as? ARIError else { return false }
            return error.code == .decoding && error.message.contains("duration_ms") && error.message.contains("ChannelDtmfReceived")
        }
    }

    @Test func missingRequiredFieldNamesItsPath() {
        let broken = Self.channel.replacingOccurrences(of: #""exten":"s","#, with: "")
        let text = #"{"type":"StasisStart","application":"a","timestamp":"t","args":[],"channel":\#(broken)}"#
        #expect {
            _ = try ARIEvent.decode(text)
        } throws: { error in
            guard let error = error as? ARIError else { return false }
            return error.code == .decoding && error.message.contains("'exten'") && error.message.contains("channel.dialplan")
        }
    }

    @Test(arguments: ["not json", "[1,2]", #"{"application":"a"}"#, #"{"type":7}"#, ""])
    func garbageIsADecodingError(text: String) {
        #expect {
            _ = try ARIEvent.decode(text)
        } throws: { error in
            (error as? ARIError)?.code == .decoding
        }
    }

    @Test func nullForARequiredFieldIsAnError() {
        let text = #"{"type":"PlaybackStarted","application":"a","timestamp":"t","playback":null}"#
        #expect(throws: ARIError.self) { _ = try ARIEvent.decode(text) }
    }

    @Test func credentialsNeverPrintThePassword() {
        let credentials = ARICredentials(username: "ctibridge", password: "hunter2")
        let configuration = ARIConfiguration(credentials: credentials, application: "ctibridge")
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!"\(configuration)".contains("hunter2"))
        #expect(!configuration.eventsURL.contains("hunter2"))
        #expect(configuration.eventsURL == "ws://127.0.0.1:8088/ari/events?app=ctibridge&subscribeAll=false")
        #expect(credentials.basicAuthorization == "Basic Y3RpYnJpZGdlOmh1bnRlcjI=")
    }

    @Test func apiKeyGoesInTheEventsURL() {
        var configuration = ARIConfiguration(
            baseURL: "https://pbx.example:8089/ari/", credentials: ARICredentials(username: "u", password: "p w", method: .apiKey), application: "a b")
        configuration.subscribeAll = true
        #expect(configuration.baseURL == "https://pbx.example:8089/ari")
        #expect(configuration.eventsURL == "wss://pbx.example:8089/ari/events?app=a%20b&subscribeAll=true&api_key=u%3Ap%20w")
    }
}
