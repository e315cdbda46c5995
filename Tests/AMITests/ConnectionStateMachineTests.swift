@testable import AMI
import Testing

@Suite("AMI connection state machine (no I/O)")
struct ConnectionStateMachineTests {
    typealias Machine = AMIConnectionStateMachine

    private func loggedIn(_ method: AMICredentials.Method = .plain) -> Machine {
        var machine = Machine(credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: method))
        _ = machine.frameReceived(.greeting(version: "11.0.0"))
        if method == .md5 {
            _ = machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": Machine.challengeID, "Challenge": "1"])))
        }
        let action = machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": Machine.loginID, "Message": "Authentication accepted"])))
        #expect(action == .loggedIn(version: "11.0.0"))
        return machine
    }

    @Test("plain login writes Username, Secret and Events after the greeting")
    func plainLogin() {
        var machine = Machine(credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: .plain, events: "call,agent"))
        let action = machine.frameReceived(.greeting(version: "11.0.0"))
        #expect(action == .write(AMIMessage([
            "Action": "Login", "ActionID": Machine.loginID, "Username": "ctibridge", "Secret": "s3cret", "Events": "call,agent",
        ])))
        #expect(machine.state == .awaitingLogin)
    }

    @Test("MD5 login answers the capture's challenge with md5(challenge + secret)")
    func md5Login() {
        var machine = Machine(credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: .md5))
        #expect(machine.frameReceived(.greeting(version: "11.0.0")) == .write(AMIMessage(["Action": "Challenge", "ActionID": Machine.challengeID, "AuthType": "MD5"])))
        let action = machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": Machine.challengeID, "Challenge": "328395655"])))
        guard case .write(let login) = action else { Issue.record("expected a login write"); return }
        #expect(login["AuthType"] == "MD5")
        #expect(login["Secret"] == nil)
        // md5("328395655s3cret"), computed independently.
        #expect(login["Key"] == "5b9b826252df6a1b3a4ebe8409ff5320")
        #expect(login["Key"]?.count == 32)
    }

    @Test("known MD5 key")
    func md5KnownValue() {
        // md5("abc") is the RFC 1321 test vector.
        #expect(AMICredentials.md5Key(challenge: "a", secret: "bc") == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test("a refused login closes with authenticationFailed, as in the bad-login capture")
    func refusedLogin() {
        var machine = Machine(credentials: AMICredentials(username: "ctibridge", secret: "wrong", method: .plain))
        _ = machine.frameReceived(.greeting(version: "11.0.0"))
        let action = machine.frameReceived(.message(AMIMessage(["Response": "Error", "ActionID": Machine.loginID, "Message": "Authentication failed"])))
        guard case .close(let error) = action else { Issue.record("expected close"); return }
        #expect(error.code == .authenticationFailed)
        #expect(error.message.contains("Authentication failed"))
        #expect(!error.description.contains("wrong"))
        #expect(machine.state == .closed)
    }

    @Test("a message before the greeting means this is not Asterisk")
    func noGreeting() {
        var machine = Machine(credentials: AMICredentials(username: "u", secret: "s"))
        guard case .close(let error) = machine.frameReceived(.message(AMIMessage(["Hello": "x"]))) else { Issue.record("expected close"); return }
        #expect(error.code == .unexpectedGreeting)
    }

    @Test("actions before login fail with notConnected")
    func actionBeforeLogin() {
        var machine = Machine(credentials: AMICredentials(username: "u", secret: "s"))
        guard case .fail(_, let error) = machine.actionSent(actionID: "a", kind: .single) else { Issue.record("expected fail"); return }
        #expect(error.code == .notConnected)
    }

    @Test("a single action completes on its response; Error responses fail it")
    func singleAction() {
        var machine = loggedIn()
        #expect(machine.actionSent(actionID: "1", kind: .single) == .none)
        #expect(machine.actionSent(actionID: "2", kind: .single) == .none)
        let response = AMIMessage(["Response": "Success", "ActionID": "1", "Ping": "Pong"])
        #expect(machine.frameReceived(.message(response)) == .succeed(actionID: "1", .response(response)))
        let error = AMIMessage(["Response": "Error", "ActionID": "2", "Message": "Permission denied"])
        guard case .fail("2", let failure) = machine.frameReceived(.message(error)) else { Issue.record("expected fail"); return }
        #expect(failure.code == .actionFailed)
        #expect(failure.message == "Permission denied")
        #expect(machine.pendingCount == 0)
    }

    @Test("an event list gathers its items, which are not delivered as events, and checks ListItems")
    func eventList() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "L", kind: .eventList)
        let start = AMIMessage(["Response": "Success", "ActionID": "L", "EventList": "start", "Message": "Channels will follow"])
        #expect(machine.frameReceived(.message(start)) == .none)
        let item = AMIMessage(["Event": "CoreShowChannel", "ActionID": "L", "Channel": "PJSIP/1"])
        #expect(machine.frameReceived(.message(item)) == .none)
        // An unrelated event in between is delivered.
        let other = AMIMessage(["Event": "Newchannel", "Privilege": "call,all"])
        #expect(machine.frameReceived(.message(other)) == .deliver(other))
        let complete = AMIMessage(["Event": "CoreShowChannelsComplete", "ActionID": "L", "EventList": "Complete", "ListItems": "1"])
        #expect(machine.frameReceived(.message(complete)) == .succeed(actionID: "L", .eventList(AMIEventList(response: start, items: [item], complete: complete))))
    }

    @Test("the list flag is compared without case (res_fax sends Start)")
    func listFlagCase() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "L", kind: .eventList)
        #expect(machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": "L", "EventList": "Start"]))) == .none)
        let complete = AMIMessage(["Event": "XComplete", "ActionID": "L", "EventList": "COMPLETE", "ListItems": "0"])
        guard case .succeed = machine.frameReceived(.message(complete)) else { Issue.record("expected success"); return }
    }

    @Test("a ListItems count that disagrees with the items fails the list")
    func listCountMismatch() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "L", kind: .eventList)
        _ = machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": "L", "EventList": "start"])))
        let complete = AMIMessage(["Event": "StatusComplete", "ActionID": "L", "EventList": "Complete", "ListItems": "3"])
        guard case .fail("L", let error) = machine.frameReceived(.message(complete)) else { Issue.record("expected fail"); return }
        #expect(error.code == .listIncomplete)
    }

    @Test("an early Error ends a list action")
    func listError() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "L", kind: .eventList)
        guard case .fail("L", let error) = machine.frameReceived(.message(AMIMessage(["Response": "Error", "ActionID": "L", "Message": "No such queue"]))) else {
            Issue.record("expected fail"); return
        }
        #expect(error.message == "No such queue")
    }

    @Test("async Originate completes on OriginateResponse, which subscribers also get")
    func asyncOriginate() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "O", kind: .asyncOriginate)
        let queued = AMIMessage(["Response": "Success", "ActionID": "O", "Message": "Originate successfully queued"])
        #expect(machine.frameReceived(.message(queued)) == .none)
        let newchannel = AMIMessage(["Event": "Newchannel", "Uniqueid": "cap-caller-1"])
        #expect(machine.frameReceived(.message(newchannel)) == .deliver(newchannel))
        let outcome = AMIMessage(["Event": "OriginateResponse", "ActionID": "O", "Response": "Success", "Reason": "4", "Uniqueid": "cap-caller-1"])
        #expect(machine.frameReceived(.message(outcome)) == .succeedAndDeliver(actionID: "O", .originate(response: queued, outcome: outcome), outcome))
        let result = AMIOriginateResult(event: outcome)
        #expect(result.succeeded && result.reason == .answered && result.uniqueID == "cap-caller-1")
    }

    @Test("a response nobody waits for is reported, not delivered")
    func unsolicited() {
        var machine = loggedIn()
        let late = AMIMessage(["Response": "Success", "Ping": "Pong"])
        #expect(machine.frameReceived(.message(late)) == .reportUnsolicited(late))
    }

    @Test("a timed-out action fails once, and its late answer is then unsolicited")
    func timeout() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "T", kind: .single)
        guard case .fail("T", let error) = machine.timedOut(actionID: "T") else { Issue.record("expected fail"); return }
        #expect(error.code == .timeout)
        #expect(machine.timedOut(actionID: "T") == .none)
        let late = AMIMessage(["Response": "Success", "ActionID": "T"])
        #expect(machine.frameReceived(.message(late)) == .reportUnsolicited(late))
    }

    @Test("closing fails every pending action, including half-received lists")
    func closeFailsPending() {
        var machine = loggedIn(.md5)
        _ = machine.actionSent(actionID: "a", kind: .single)
        _ = machine.actionSent(actionID: "b", kind: .eventList)
        _ = machine.frameReceived(.message(AMIMessage(["Response": "Success", "ActionID": "b", "EventList": "start"])))
        _ = machine.frameReceived(.message(AMIMessage(["Event": "QueueMember", "ActionID": "b"])))
        #expect(Set(machine.connectionClosed()) == ["a", "b"])
        #expect(machine.pendingCount == 0)
        guard case .fail(_, let error) = machine.actionSent(actionID: "c", kind: .single) else { Issue.record("expected fail"); return }
        #expect(error.code == .notConnected)
    }

    @Test("duplicate ActionIDs are refused")
    func duplicateID() {
        var machine = loggedIn()
        _ = machine.actionSent(actionID: "a", kind: .single)
        guard case .fail(_, let error) = machine.actionSent(actionID: "a", kind: .single) else { Issue.record("expected fail"); return }
        #expect(error.code == .invalidAction)
    }

    @Test("malformed frames are reported and the machine carries on")
    func malformed() {
        var machine = loggedIn()
        let error = AMIFrameError(code: .missingColon, byteCount: 3, excerpt: Array("abc".utf8))
        #expect(machine.frameReceived(.malformed(error)) == .reportMalformed(error))
        #expect(machine.state == .ready)
    }
}
