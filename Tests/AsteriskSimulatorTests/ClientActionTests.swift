import AMI
import AsteriskSimulator
import Foundation
import Testing

@Suite("actions through the real AMIClient", .timeLimit(.minutes(1)))
struct ClientActionTests {
    /// The captured Originate as the client sends it.
    static func capturedOriginate() -> AMIOriginate {
        var originate = AMIOriginate(channel: "Local/s@customer/n", destination: .extensionTarget(context: "queue-in", exten: "5555", priority: 1))
        originate.channelID = "cap-caller-1"
        originate.otherChannelID = "cap-caller-2"
        originate.callerID = "\"Nguyen Van A\" <0912345678>"
        originate.variables = [("LANG", "vi"), ("CUSTOMER_REF", "A-100")]
        return originate
    }

    @Test("async Originate with preset ids: queued, channel events, OriginateResponse with the ActionID; then the agent answers")
    func originate() async throws {
        let (simulator, port) = try await startAMISimulator()
        simulator.perform { pbx, _ in pbx.settings.agents = AgentBehaviour(ringSeconds: 0.05...0.05, noAnswerProbability: 0) }
        try await withClient(clientConfiguration(port: port)) { client, subscription in
            let result = try await client.originate(Self.capturedOriginate())
            #expect(result.succeeded && result.reason == .answered)
            #expect(result.uniqueID == "cap-caller-1" && result.channel == "Local/s@customer-00000000;1")
            let captured = try #require(try CaptureShapes.messages().first { $0.isEvent(named: "OriginateResponse") })
            #expect(CaptureShapes.names(result.event) == CaptureShapes.names(captured))
            #expect(result.event.actionID?.isEmpty == false)

            let seen = await events(in: subscription) { $0.isEvent(named: "AgentConnect") }
            let names = seen.compactMap(\.eventName)
            #expect(names.prefix(2) == ["Newchannel", "Newchannel"])
            #expect(names.contains("QueueCallerJoin") && names.contains("AgentCalled") && names.contains("BridgeEnter") == false)
            let bridged = await events(in: subscription) { $0.isEvent(named: "BridgeEnter") && $0["Uniqueid"] == "cap-caller-1" }
            #expect(bridged.last?["BridgeNumChannels"] == "2")
            #expect(try await client.send(.getvar("CHANNEL(linkedid)", channel: "cap-caller-2"))["Value"] == "cap-caller-1")
        }
        try await simulator.stop()
    }

    @Test("an Originate to an unknown technology, or one set to fail, answers queued and fails in OriginateResponse")
    func originateFailures() async throws {
        var settings = PBXSettings()
        settings.originateFailures["pjsip/busy"] = .busy
        let (simulator, port) = try await startAMISimulator(pbx: SimulatedPBX(bootTime: .captureEpoch, queues: [], settings: settings))
        try await withClient(clientConfiguration(port: port)) { client, _ in
            let bogus = try await client.originate(AMIOriginate(channel: "Bogus/123", destination: .application(name: "Wait", data: "1")))
            #expect(!bogus.succeeded && bogus.reason == .failed && bogus.uniqueID == "<null>" && bogus.channel == "Bogus/123")
            let busy = try await client.originate(AMIOriginate(channel: "PJSIP/busy", destination: .extensionTarget(context: "default", exten: "s", priority: 1)))
            #expect(!busy.succeeded && busy.reason == .busy)
            let phone = try await client.originate(AMIOriginate(channel: "PJSIP/1001", destination: .application(name: "Playback", data: "hello-world")))
            #expect(phone.succeeded && phone.channel?.hasPrefix("PJSIP/1001-") == true)
            let status = try await client.list(.status)
            #expect(status.items.first?["Application"] == "Playback" && status.items.first?["Type"] == "PJSIP")
        }
        try await simulator.stop()
    }

    @Test("QueueAdd, QueuePause, QueueRemove answer like the capture, raise their events, and refuse like Asterisk")
    func queueMembers() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await withClient(clientConfiguration(port: port)) { client, subscription in
            let add = AMIAction.queueAdd(queue: "support", interface: "Local/1003@agents/n", memberName: "Carol", stateInterface: "Local/1003@agents", penalty: 1)
            #expect(try await client.send(add)["Message"] == "Added interface to queue")
            let added = try #require(await nextEvent(named: "QueueMemberAdded", in: subscription))
            #expect(added["MemberName"] == "Carol" && added["Membership"] == "dynamic" && added["Penalty"] == "1")
            let pause = AMIAction.queuePause(interface: "Local/1003@agents/n", paused: true, queue: "support", reason: "lunch")
            #expect(try await client.send(pause)["Message"] == "Interface paused successfully")
            let paused = try #require(await nextEvent(named: "QueueMemberPause", in: subscription))
            #expect(paused["Paused"] == "1" && paused["PausedReason"] == "lunch")
            let members = try await client.list(.queueStatus(queue: "support")).items(named: "QueueMember")
            #expect(members.first { $0["Name"] == "Carol" }?["PausedReason"] == "lunch")
            #expect(try await client.send(.queuePause(interface: "Local/1003@agents/n", paused: false))["Message"] == "Interface unpaused successfully")
            #expect(try await client.send(.queueRemove(queue: "support", interface: "Local/1003@agents/n"))["Message"] == "Removed interface from queue")
            #expect(await nextEvent(named: "QueueMemberRemoved", in: subscription)?["Interface"] == "Local/1003@agents/n")

            func refusal(_ action: AMIAction) async -> String? {
                do {
                    _ = try await client.send(action)
                    return nil
                } catch {
                    return (error as? AMIError)?.response?["Message"]
                }
            }
            #expect(await refusal(.queueAdd(queue: "nope", interface: "Local/1@x")) == "Unable to add interface to queue: No such queue")
            #expect(await refusal(.queueAdd(queue: "support", interface: "Local/1001@agents/n")) == "Unable to add interface: Already there")
            #expect(await refusal(.queueRemove(queue: "support", interface: "Local/1001@agents/n")) == "Member not dynamic")
            #expect(await refusal(.queueRemove(queue: "support", interface: "Local/9@x")) == "Unable to remove interface: Not there")
            #expect(await refusal(.queueRemove(queue: "nope", interface: "Local/9@x")) == "Unable to remove interface from queue: No such queue")
            #expect(await refusal(.queuePause(interface: "Local/9@x", paused: true)) == "Interface not found")
        }
        try await simulator.stop()
    }

    @Test("event lists of a connected call have the capture's shapes and follow the state")
    func lists() async throws {
        let (simulator, port) = try await startAMISimulator()
        simulator.perform { pbx, _ in
            pbx.settings.agents = AgentBehaviour(ringSeconds: 0.01...0.01, noAnswerProbability: 0)
            pbx.originate(CaptureScenario.originateRequest())
        }
        let shapes = try CaptureShapes.eventShapes()
        #expect(await eventually { simulator.pbx.calls["cap-caller-1"]?.phase == .connected })
        try await withClient(clientConfiguration(port: port)) { client, _ in
            let lists = [
                try await client.list(.coreShowChannels), try await client.list(.status),
                try await client.list(.queueStatus()), try await client.list(.queueSummary()),
            ]
            for list in lists {
                #expect(list.response["EventList"] == "start")
                for message in list.items + [list.complete].compactMap({ $0 }) {
                    let name = try #require(message.eventName)
                    #expect(shapes[name]?.contains(CaptureShapes.names(message)) == true, "\(name): \(CaptureShapes.names(message))")
                }
            }
            #expect(lists[0].response["Message"] == "Channels will follow" && lists[0].items.count == 4)
            #expect(lists[1].complete?["Items"] == "4")
            #expect(lists[2].items(named: "QueueParams").count == 2 && lists[2].items(named: "QueueMember").count == 4)
            #expect(lists[3].items.first?["Queue"] == "support")
            // A waiting caller shows as a QueueEntry.
            simulator.perform { pbx, _ in
                for interface in ["Local/1001@agents/n", "Local/1002@agents/n"] { try? pbx.pauseMember(interface: interface, paused: true) }
                var second = CaptureScenario.originateRequest()
                second.channelID = "waiting-1"
                second.otherChannelID = "waiting-2"
                pbx.originate(second)
            }
            let entries = try await client.list(.queueStatus(queue: "support")).items(named: "QueueEntry")
            #expect(entries.map { $0["Uniqueid"] } == ["waiting-1"])
            #expect(entries.first.map(CaptureShapes.names) == ["Event", "Queue", "Position", "Channel", "Uniqueid", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Wait", "Priority", "ActionID"])
        }
        try await simulator.stop()
    }

    @Test("Hangup by uniqueid ends the queue call: Channel Hungup, AgentComplete, Hangup events with causes")
    func hangup() async throws {
        let (simulator, port) = try await startAMISimulator()
        simulator.perform { pbx, _ in
            pbx.settings.agents = AgentBehaviour(ringSeconds: 0.01...0.01, noAnswerProbability: 0)
            pbx.originate(CaptureScenario.originateRequest())
        }
        #expect(await eventually { simulator.pbx.calls["cap-caller-1"]?.phase == .connected })
        try await withClient(clientConfiguration(port: port)) { client, subscription in
            let reply = try await client.send(.hangup(channel: "cap-caller-1"))
            #expect(reply.headers.map(\.name) == ["Response", "ActionID", "Message"] && reply["Message"] == "Channel Hungup")
            let ending = await events(in: subscription) { $0.isEvent(named: "QueueMemberStatus") }
            let complete = try #require(ending.first { $0.isEvent(named: "AgentComplete") })
            #expect(complete["Reason"] == "caller" && complete["Queue"] == "support")
            let hangups = ending.filter { $0.isEvent(named: "Hangup") }
            #expect(hangups.count == 4 && hangups.allSatisfy { $0["Cause"] == "16" && $0["Cause-txt"] == "Normal Clearing" })
            #expect(try await client.list(.coreShowChannels).items.isEmpty)
            await #expect { _ = try await client.send(.hangup(channel: "cap-caller-1")) } throws: { error in
                (error as? AMIError)?.response?["Message"] == "No such channel"
            }
        }
        try await simulator.stop()
    }

    @Test("Getvar and Setvar of channel variables, functions and globals; Command; MixMonitor")
    func variablesCommandsRecording() async throws {
        let (simulator, port) = try await startAMISimulator()
        simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
        try await withClient(clientConfiguration(port: port)) { client, subscription in
            let missing = try await client.send(.getvar("NO_SUCH_VAR_XYZ", channel: "cap-caller-1"))
            #expect(CaptureShapes.names(missing) == ["Response", "ActionID", "Variable", "Value"] && missing["Value"] == "")
            #expect(try await client.send(.getvar("CUSTOMER_REF", channel: "Local/s@customer-00000000;1"))["Value"] == "A-100")
            #expect(try await client.send(.setvar("CRM_ID", value: "42", channel: "cap-caller-1"))["Message"] == "Variable Set")
            // The originate's own VarSet events may still be arriving when the client logs in, so wait for this variable's.
            let varSet = await events(in: subscription) { $0.isEvent(named: "VarSet") && $0["Variable"] == "CRM_ID" }.last
            #expect(varSet?["Variable"] == "CRM_ID" && varSet?["Value"] == "42")
            #expect(try await client.send(.getvar("CRM_ID", channel: "cap-caller-1"))["Value"] == "42")
            _ = try await client.send(.setvar("SITE", value: "hanoi"))
            #expect(try await client.send(.getvar("SITE"))["Value"] == "hanoi")
            await #expect { _ = try await client.send(.getvar("X", channel: "nope")) } throws: { ($0 as? AMIError)?.response?["Message"] == "No such channel" }

            let uptime = try await client.command("core show uptime")
            // The simulated PBX booted 14 minutes and some seconds before the test; how many depends on the machine's speed.
            #expect(uptime.count == 2 && uptime[1].hasPrefix("Last reload: "))
            #expect(uptime.first?.range(of: #"^System uptime: 1[45] minutes(, \d{1,2} seconds?)?$"#, options: .regularExpression) != nil, "\(uptime)")
            let channels = try await client.command("core show channels")
            #expect(channels.first?.hasPrefix("Channel") == true && channels.last?.hasSuffix("processed") == true)
            await #expect { _ = try await client.command("bogus thing") } throws: { error in
                let response = (error as? AMIError)?.response
                return response?["Message"] == "Command output follows"
                    && response?.values("Output") == ["No such command 'bogus thing' (type 'core show help bogus thing' for other possible commands)"]
            }

            let started = try await client.send(AMIAction("MixMonitor", ["Channel": "cap-caller-1", "File": "cap-mixmonitor.wav"]))
            #expect(CaptureShapes.names(started) == ["Response", "ActionID"])
            let recording = await events(in: subscription) { $0.isEvent(named: "MixMonitorStart") }
            #expect(recording.contains { $0["Variable"] == "MIXMONITOR_FILENAME" && $0["Value"] == "/var/spool/asterisk/monitor/cap-mixmonitor.wav" })
            _ = try await client.send(AMIAction("StopMixMonitor", ["Channel": "cap-caller-1"]))
            #expect(await nextEvent(named: "MixMonitorStop", in: subscription)?["Uniqueid"] == "cap-caller-1")
            await #expect { _ = try await client.send(AMIAction("StopMixMonitor", ["Channel": "cap-caller-1"])) } throws: {
                ($0 as? AMIError)?.response?["Message"] == "Could not stop MixMonitor"
            }
        }
        try await simulator.stop()
    }
}
