import AMI
import AsteriskSimulator
import Testing

@Suite("AMI protocol over loopback (raw socket)", .timeLimit(.minutes(5)))
struct ProtocolTests {
    @Test("greeting, then plain login answered like the capture, with FullyBooted (no Timestamp)")
    func plainLogin() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            #expect(try await connection.next() == .greeting(version: "11.0.0"))
            let replies = try await connection.login()
            let capture = try CaptureShapes.messages()
            #expect(replies.count == 2)
            #expect(replies.first.map(CaptureShapes.names) == capture.first { $0.actionID == "login-1" }.map(CaptureShapes.names))
            #expect(replies.first?["Message"] == "Authentication accepted")
            let booted = try #require(replies.last)
            #expect(CaptureShapes.names(booted) == ["Event", "Privilege", "Uptime", "LastReload", "Status"])
            #expect(booted["Privilege"] == "system,all" && booted["Status"] == "Fully Booted")
            #expect((booted["Uptime"].flatMap { Int($0) } ?? 0) >= 873)
        }
        try await simulator.stop()
    }

    @Test("MD5: Challenge, then Login with the key")
    func md5Login() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.send(["Action": "Challenge", "ActionID": "ch-1", "AuthType": "MD5"])
            let challenge = try #require(try await connection.nextMessage())
            let captured = try #require(try CaptureShapes.messages("ami-login-md5.raw").first { $0.actionID == "ch-1" })
            #expect(CaptureShapes.names(challenge) == CaptureShapes.names(captured))
            let number = try #require(challenge["Challenge"])
            #expect(UInt64(number) != nil)
            try await connection.send([
                "Action": "Login", "ActionID": "login-1", "AuthType": "MD5", "Username": "ctibridge",
                "Key": AMICredentials.md5Key(challenge: number, secret: "s3cret"),
            ])
            #expect(try await connection.nextMessage()?["Message"] == "Authentication accepted")
            #expect(try await connection.nextMessage()?.eventName == "FullyBooted")
            try await connection.send(["Action": "Logoff", "ActionID": "lo-1"])
            let goodbye = try #require(try await connection.nextMessage())
            #expect(goodbye.headers == [AMIHeader(name: "Response", value: "Goodbye"), AMIHeader(name: "ActionID", value: "lo-1"), AMIHeader(name: "Message", value: "Thanks for all the fish.")])
            #expect(try await connection.next() == nil)
        }
        try await simulator.stop()
    }

    @Test("a wrong secret or key waits the configured delay, answers Authentication failed, and closes")
    func badLogin() async throws {
        let (simulator, port) = try await startAMISimulator(delay: .milliseconds(150))
        for key in ["Secret", "Key"] {
            try await RawAMIConnection.with(port: port) { connection in
                _ = try await connection.next()
                let start = ContinuousClock.now
                var login = AMIMessage(["Action": "Login", "ActionID": "login-1", "Username": "ctibridge"])
                if key == "Key" { login.append("AuthType", "MD5") }
                login.append(key, "wrong")
                try await connection.send(login)
                let reply = try #require(try await connection.nextMessage())
                #expect(ContinuousClock.now - start >= .milliseconds(150))
                let captured = try #require(try CaptureShapes.messages("ami-bad-login.raw").first)
                #expect(reply.headers == captured.headers)
                #expect(try await connection.next() == nil)
            }
        }
        try await RawAMIConnection.with(port: port) { connection in
            _ = try await connection.login(user: "nobody")
            #expect(try await connection.next() == nil)
        }
        try await simulator.stop()
    }

    @Test("before login only Login, Challenge and Logoff run: others get Permission denied and the socket stays open")
    func beforeLogin() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.send(["Action": "Ping", "ActionID": "p-0"])
            #expect(try await connection.nextMessage()?.headers == [
                AMIHeader(name: "Response", value: "Error"), AMIHeader(name: "ActionID", value: "p-0"), AMIHeader(name: "Message", value: "Permission denied"),
            ])
            try await connection.send(["Action": "Challenge", "AuthType": "plain"])
            #expect(try await connection.nextMessage()?["Message"] == "Must specify AuthType")
            #expect(try await connection.login().first?["Message"] == "Authentication accepted")
            try await connection.send(["Action": "Login", "Username": "ctibridge", "Secret": "s3cret"])
            #expect(try await connection.nextMessage()?["Message"] == "Already authenticated")
        }
        try await simulator.stop()
    }

    @Test("unknown and missing actions, Ping with and without ActionID, case-insensitive headers, first match wins")
    func errorsAndPing() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.login()
            try await connection.send(["Action": "NoSuchAction", "ActionID": "bad-1"])
            let unknown = try #require(try await connection.nextMessage())
            #expect(unknown.headers == (try CaptureShapes.response(actionID: "bad-1"))?.headers)
            try await connection.send(["ActionID": "x-1", "Username": "y"])
            #expect(try await connection.nextMessage()?.headers == [
                AMIHeader(name: "Response", value: "Error"), AMIHeader(name: "ActionID", value: "x-1"), AMIHeader(name: "Message", value: "Missing action in request"),
            ])
            try await connection.send(["Action": "Ping"])
            let ping = try #require(try await connection.nextMessage())
            #expect(CaptureShapes.names(ping) == ["Response", "Ping", "Timestamp"])
            let stamp = try #require(ping["Timestamp"]).split(separator: ".")
            #expect(stamp.count == 2 && stamp[1].count == 6)
            try await connection.send(raw: "action: PING\r\nactionid: p-1\r\nActionID: ignored\r\n\r\n")
            let pong = try #require(try await connection.nextMessage())
            #expect(pong.actionID == "p-1" && pong["Ping"] == "Pong")
            try await connection.send(raw: "Action: Ping\nActionID: bare-lf\n\n")
            #expect(try await connection.nextMessage()?.actionID == "bare-lf")
            try await connection.send(raw: "Action: Ping\r\nX: " + String(repeating: "a", count: 1100) + "\r\n\r\n")
            #expect(try await connection.nextMessage()?["Message"] == "Failed to parse message: line too long")
        }
        try await simulator.stop()
    }

    @Test("Events: off at login, or Action Events, stops async events but not responses or list items")
    func eventsOff() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            let login = try await connection.login(events: "off", fullyBooted: false)
            #expect(login.count == 1)
            #expect(try await connection.settle().isEmpty)  // no FullyBooted either
            simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
            try await connection.send(["Action": "CoreShowChannels", "ActionID": "csc-1"])
            let list = try #require(try await connection.read { $0.isEvent(named: "CoreShowChannelsComplete") })
            #expect(list.first?.response == "Success")
            #expect(list.dropFirst().allSatisfy { $0.actionID == "csc-1" })
            #expect(list.filter { $0.isEvent(named: "CoreShowChannel") }.count >= 2)
            #expect(try await connection.settle().isEmpty)

            try await connection.send(["Action": "Events", "ActionID": "ev-1", "EventMask": "call"])
            #expect(try await connection.nextMessage()?["Events"] == "On")
            simulator.perform { pbx, _ in pbx.hangup("cap-caller-1") }
            let names = Set(try await connection.settle().compactMap(\.eventName))
            #expect(names.contains("Hangup"))
            #expect(!names.contains("AgentComplete") && !names.contains("VarSet"))  // agent and dialplan classes are masked

            try await connection.send(["Action": "Events", "ActionID": "ev-2", "EventMask": "off"])
            #expect(try await connection.nextMessage()?["Events"] == "Off")
            simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
            #expect(try await connection.settle().isEmpty)
        }
        try await simulator.stop()
    }

    @Test("write permissions gate actions; read permissions gate events")
    func permissions() async throws {
        let limited = AMISimulatorUser(secret: "s3cret", read: [.call], write: [.call, .reporting])
        let (simulator, port) = try await startAMISimulator(accounts: ["ctibridge": limited])
        try await RawAMIConnection.with(port: port) { connection in
            #expect(try await connection.login(fullyBooted: false).count == 1)
            #expect(try await connection.settle().isEmpty)  // no system read: no FullyBooted
            try await connection.send(["Action": "Command", "ActionID": "c-1", "Command": "core show uptime"])
            #expect(try await connection.nextMessage()?["Message"] == "Permission denied")
            try await connection.send(["Action": "QueueAdd", "ActionID": "q-1", "Queue": "support", "Interface": "Local/1@x"])
            #expect(try await connection.nextMessage()?["Message"] == "Permission denied")
            try await connection.send(["Action": "Getvar", "ActionID": "g-1", "Variable": "X"])
            #expect(try await connection.nextMessage()?.response == "Success")
            try await connection.send(["Action": "ListCommands", "ActionID": "l-1"])
            let commands = try #require(try await connection.nextMessage())
            #expect(commands["Getvar"] != nil && commands["Command"] == nil)
            simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
            let names = Set(try await connection.settle().compactMap(\.eventName))
            #expect(names.contains("Newchannel") && names.contains("OriginateResponse"))
            #expect(!names.contains("VarSet") && !names.contains("QueueCallerJoin"))
        }
        try await simulator.stop()
    }
}
