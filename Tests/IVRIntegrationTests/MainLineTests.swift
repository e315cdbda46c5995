import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Telephony
import Testing

/// The sample main line (`Samples/ivr/main-menu.json`) end to end over loopback ARI.
@Suite struct MainLineTests {
    let routes = IVRDNISRoutes(["7000": "main-menu"])

    @Test func knownCustomerPicksSalesAndReachesTheACDWithItsPath() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes) { ivr in
            ivr.crm.set(IVRCustomer(id: "C-42", name: "Tran Thi B"), forNumber: "+84987654321")
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:main-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            let (outcome, _) = try await ivr.waitForEnd(channel)
            #expect(outcome == .enqueued(queue: "sales"))

            let requests = ivr.requests(channel)
            #expect(requests.first?.path == "channels/\(channel)/answer")
            // Every request succeeded (a barge-in stop may race the prompt's own end: 404 is fine there).
            #expect(requests.filter { $0.status >= 300 && !$0.path.hasPrefix("playbacks/") }.map(\.description) == [])
            let firstPlay = try #require(requests.first { $0.path.hasPrefix("channels/\(channel)/play/") })
            #expect(firstPlay.query["media"] == ["sound:press-1-english", "sound:press-2-vietnamese"])
            #expect(firstPlay.first("lang") == "en")
            #expect(ivr.played(channel).contains(["sound:welcome"]))

            let queued = try #require(ivr.handoffs.all.first)
            #expect(queued.channelID == channel)
            #expect(queued.queue == "sales")
            #expect(queued.skills == ["sales": 3])
            #expect(queued.callerNumber == "+84987654321")
            #expect(queued.callerName == "Tran Thi B")
            #expect(queued.dnis == "7000")
            #expect(queued.nodes == ["language", "hours", "welcome", "lookup", "known-customer", "main", "sales-queue"])
            #expect(queued.digits == ["1", "1"])
            #expect(queued.lookups == ["found"])
            #expect(queued.path.variables["segment"] == "known")
            #expect(queued.path.customer?.id == "C-42")
            #expect(queued.path.flowVersion == 1)
            // The ACD owns the call now: it is still in Stasis and nobody hung it up.
            #expect(ivr.simulator.channelsInStasis(application: "ctibridge") == [channel])
            #expect(!requests.contains { $0.method == "DELETE" && $0.path == "channels/\(channel)" })
        }
    }

    @Test func vipSkipsTheMenuForThePriorityQueue() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes) { ivr in
            ivr.crm.set(IVRCustomer(id: "C-1", name: "Le Van A", isVIP: true), forNumber: "+84900000001")
            let channel = try await ivr.call(number: "+84900000001", name: "Le Van A")
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "2")
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .enqueued(queue: "support"))
            let queued = try #require(ivr.handoffs.all.first)
            #expect(queued.priority == 50)
            #expect(queued.skills == ["support": 5])
            #expect(queued.lookups == ["vip"])
            #expect(path.language == "vi")
            // Prompts after the language choice are asked for in Vietnamese.
            let welcome = try #require(ivr.requests(channel).first { $0.query["media"] == ["sound:welcome"] })
            #expect(welcome.first("lang") == "vi")
        }
    }

    @Test func accountNumberIsCollectedUpToTheTerminator() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:main-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "2")
            #expect(await ivr.waitForPlay(channel, "sound:enter-account-number"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "123456#")
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .enqueued(queue: "support"))
            #expect(path.variables["account"] == "123456")
            #expect(ivr.handoffs.all.first?.lookups == ["notFound"])
            #expect(ivr.handoffs.all.first?.digits == ["1", "2", "123456"])
        }
    }

    @Test func firstDigitStopsThePromptAndIsTheNextRequest() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes, mediaDuration: .seconds(20)) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            let playID = try #require(ivr.requests(channel).first { $0.path.contains("/play/") }?.path.split(separator: "/").last)
            let before = ivr.simulator.requestLog.all.count
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.simulator.requestLog.wait { $0.count > before })
            let next = ivr.simulator.requestLog.all[before]
            #expect(next.method == "DELETE")
            #expect(next.path == "playbacks/\(playID)")
            // The digit counted: the call moved on to the welcome prompt.
            #expect(await ivr.waitForPlay(channel, "sound:welcome"))
        }
    }

    @Test func closedOnSundayOffersVoicemailAndKeepsTheMessageWhenTheCallerHangsUp() async throws {
        // 10:00 on Sunday 22 November 2026 in Ho Chi Minh City.
        let sunday = mondayMorning.addingTimeInterval(-86_400)
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes, now: { sunday }) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:after-hours-options"))
            #expect(ivr.played(channel).contains(["sound:office-closed"]))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.simulator.requestLog.wait { $0.contains { $0.path == "channels/\(channel)/record" } })
            let record = try #require(ivr.requests(channel).first { $0.path == "channels/\(channel)/record" })
            #expect(record.status == 201)
            #expect(record.first("format") == "wav")
            #expect(record.first("beep") == "true")
            #expect(record.first("terminateOn") == "#")
            #expect(record.first("maxDurationSeconds") == "120")
            try await Task.sleep(for: .milliseconds(200))
            try ivr.simulator.hangUp(channelID: channel)
            let (outcome, _) = try await ivr.waitForEnd(channel)
            #expect(outcome == .callerHungUp(nodeID: "voicemail"))
            let deadline = ContinuousClock.now + .seconds(20)
            while ivr.outcomes.messages.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let message = try #require(ivr.outcomes.messages.first)
            #expect(message.mailbox == "support")
            #expect(message.callerID == "+84987654321")
            #expect(message.recordingName == record.first("name"))
            #expect(FileManager.default.fileExists(atPath: ivr.recordings.appendingPathComponent(message.recordingName + ".wav").path))
        }
    }

    @Test func publicHolidayTakesTheHolidayBranch() async throws {
        // 10:00 on Wednesday 2 September 2026 (National Day) in Ho Chi Minh City.
        let nationalDay = Date(timeIntervalSince1970: 1_788_318_000)
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes, now: { nationalDay }) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:office-holiday"))
            #expect(!ivr.played(channel).contains(["sound:welcome"]))
            try ivr.simulator.hangUp(channelID: channel)
            _ = try await ivr.waitForEnd(channel)
        }
    }

    @Test func operatorIsATransferIntoTheDialplan() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:main-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "0")
            let (outcome, _) = try await ivr.waitForEnd(channel)
            #expect(outcome == .transferred(extension: "1000"))
            let last = try #require(ivr.requests(channel).last)
            #expect(last.path == "channels/\(channel)/continue")
            #expect(last.first("context") == "agents")
            #expect(last.first("extension") == "1000")
            #expect(ivr.simulator.channel(channel)?.dialplan.context == "agents")
            #expect(ivr.simulator.channelsInStasis(application: "ctibridge").isEmpty)
        }
    }

    @Test func callbackKeepsTheCallersNumberAndPlaceInLine() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: routes) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:main-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "3")
            let (outcome, _) = try await ivr.waitForEnd(channel)
            #expect(outcome == .hungUp)
            let callback = try #require(ivr.outcomes.callbacks.first)
            #expect(callback.number == "+84987654321")
            #expect(callback.queue == "support")
            #expect(callback.requestedAt == mondayMorning)
            #expect(ivr.played(channel).contains(["sound:callback-booked"]))
            #expect(ivr.requests(channel).last?.method == "DELETE")
            #expect(ivr.simulator.channel(channel) == nil)
        }
    }
}
