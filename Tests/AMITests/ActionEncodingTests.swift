import AMI
import Testing

@Suite("AMI actions as written to Asterisk")
struct ActionEncodingTests {
    @Test("Originate is async, keeps preset ids and sends one Variable header each")
    func originate() throws {
        var originate = AMIOriginate(channel: "Local/s@customer", destination: .extensionTarget(context: "queue-in", exten: "5555", priority: 1))
        originate.channelID = "cap-caller-1"
        originate.otherChannelID = "cap-caller-2"
        originate.callerID = "\"Nguyen Van A\" <0912345678>"
        originate.variables = [("CTI_CASE", "a,b"), ("CTI_LANG", "vi")]
        originate.timeout = .seconds(20)
        let message = try originate.action.message(actionID: "orig-1")
        #expect(message["Action"] == "Originate")
        #expect(message["Async"] == "true")
        #expect(message["Timeout"] == "20000")
        #expect(message["ChannelId"] == "cap-caller-1")
        #expect(message["OtherChannelId"] == "cap-caller-2")
        #expect(message.values("Variable") == ["CTI_CASE=a,b", "CTI_LANG=vi"])
        #expect(String(decoding: message.wireBytes, as: UTF8.self).hasSuffix("Async: true\r\n\r\n"))
    }

    @Test("MixMonitor names the channel, the file with its format extension and the options; the client's ActionID comes first")
    func mixMonitor() throws {
        let message = try AMIAction.mixMonitor(channel: "Local/s@customer-00000000;1", file: "obs-cap-caller-1-1001.wav", options: "b")
            .message(actionID: "rec-1")
        #expect(message["Action"] == "MixMonitor")
        #expect(message["ActionID"] == "rec-1")
        #expect(message["Channel"] == "Local/s@customer-00000000;1")
        #expect(message["File"] == "obs-cap-caller-1-1001.wav")
        #expect(message["Options"] == "b")
        #expect(message["Command"] == nil)
        #expect(String(decoding: message.wireBytes, as: UTF8.self).hasPrefix("Action: MixMonitor\r\nActionID: rec-1\r\n"))
        // No options: no empty Options header.
        let plain = try AMIAction.mixMonitor(channel: "cap-caller-1", file: "x.wav", options: "").message(actionID: "2")
        #expect(plain["Options"] == nil)
        let stop = try AMIAction.stopMixMonitor(channel: "cap-caller-1", mixMonitorID: "0x7f01").message(actionID: "3")
        #expect(stop["Action"] == "StopMixMonitor" && stop["Channel"] == "cap-caller-1" && stop["MixMonitorID"] == "0x7f01")
        // A file name that would smuggle a second action is refused before sending.
        #expect(throws: AMIError.self) { try AMIAction.mixMonitor(channel: "c", file: "x.wav\r\nAction: Originate").message(actionID: "4") }
    }

    @Test("values with line breaks, over-long lines and too many lines are refused before sending")
    func validation() {
        #expect(throws: AMIError.self) { try AMIAction("Setvar", ["Value": "a\r\nAction: Hangup"]).message(actionID: "1") }
        #expect(throws: AMIError.self) { try AMIAction("Setvar", ["Value": String(repeating: "v", count: 1_100)]).message(actionID: "1") }
        #expect(throws: AMIError.self) { try AMIAction("Setvar", ["Bad:Name": "v"]).message(actionID: "1") }
        var many = AMIAction("Originate")
        for index in 0..<130 { many.add("Variable", "V\(index)=1") }
        do {
            _ = try many.message(actionID: "1")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .invalidAction)
            #expect(error.message.contains("128"))
        }
        #expect(throws: Never.self) { try AMIAction("Setvar", ["Value": String(repeating: "v", count: 1_000)]).message(actionID: "1") }
    }

    @Test("secrets are redacted when a message is printed")
    func redaction() {
        let login = AMIMessage(["Action": "Login", "Username": "ctibridge", "Secret": "hunter2", "Key": "abcdef"])
        #expect(!login.description.contains("hunter2"))
        #expect(!login.description.contains("abcdef"))
        #expect(login.description.contains("ctibridge"))
        let credentials = AMICredentials(username: "ctibridge", secret: "hunter2")
        #expect(!"\(credentials)".contains("hunter2"))
    }
}
