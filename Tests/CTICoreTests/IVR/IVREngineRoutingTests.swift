import CTICore
import Foundation
import Testing

/// Calls through `Samples/ivr/main-menu.json`: language → business hours → welcome → CRM lookup → menu.
@Suite("IVR engine: routing through the main-menu sample")
struct IVREngineRoutingTests {
    static func mainMenu() throws -> ValidatedFlow {
        try FlowValidator.validate(sampleFlow("main-menu.json"))
    }

    /// A call at `time` that chooses English and reaches the time condition.
    static func callPastLanguage(at time: String, callerID: String = "+84987654321") throws -> CallDriver {
        var call = CallDriver(try mainMenu(), at: instant(time))
        call.start(callerID: callerID)
        call.press("1")
        return call
    }

    /// A call in office hours that has heard the welcome and waits for the CRM.
    static func callAtLookup(callerID: String = "+84987654321") throws -> (CallDriver, IVRLookupRequest?) {
        var call = try callPastLanguage(at: "2026-11-23T10:00:00+07:00", callerID: callerID)
        let decisions = call.playPrompt()
        return (call, decisions.lazy.compactMap(\.lookupRequest).first)
    }

    @Test("business hours are judged in the flow's time zone, whatever offset the clock uses", arguments: [
        ("2026-11-23T10:00:00+07:00", "open"),     // Monday morning in Ho Chi Minh City
        ("2026-11-23T03:00:00Z", "open"),          // the same instant in UTC
        ("2026-11-23T12:30:00+07:00", "closed"),   // lunch break
        ("2026-11-23T17:59:00+07:00", "open"),
        ("2026-11-23T18:00:00+07:00", "closed"),   // ranges end before their `to`
        ("2026-11-23T00:30:00Z", "closed"),        // 07:30 local
        ("2026-11-23T01:30:00Z", "open"),          // 08:30 local
        ("2026-11-22T18:30:00-07:00", "open"),     // Sunday evening in Arizona is Monday 08:30 local
        ("2026-11-22T10:00:00+07:00", "closed"),   // Sunday: no ranges
        ("2026-11-21T09:30:00+07:00", "open"),     // Saturday morning
        ("2026-09-02T10:00:00+07:00", "holiday"),  // National Day, a Wednesday
        ("2026-09-01T17:30:00Z", "holiday"),       // still 1 September in UTC, already the 2nd locally
    ])
    func businessHours(time: String, expected: String) throws {
        let call = try Self.callPastLanguage(at: time)
        let branch = call.engine.path.steps.compactMap { step -> String? in
            if case .branch(let state) = step.event, step.nodeID == "hours" { state } else { nil }
        }
        #expect(branch == [expected])
        let target = ["open": "welcome", "closed": "closed-message", "holiday": "holiday-message"][expected]
        #expect(call.engine.currentNodeID == target)
    }

    @Test("the language choice sets the language of every later prompt")
    func languageChoice() throws {
        var call = CallDriver(try Self.mainMenu(), at: instant("2026-11-23T10:00:00+07:00"))
        call.start()
        #expect(call.playing?.language == "en")
        let welcome = call.press("2")
        #expect(welcome.first?.isStopPlayback == true)
        #expect(welcome.compactMap(\.playback).map(\.language) == ["vi"])
        #expect(call.engine.path.language == "vi")
    }

    @Test("no language choice falls back to the default after the retries")
    func languageDefault() throws {
        var call = CallDriver(try Self.mainMenu(), at: instant("2026-11-23T10:00:00+07:00"))
        call.start()
        call.playPrompt()
        #expect(call.fire(.firstDigit).media == [["sound:press-1-english", "sound:press-2-vietnamese"]])
        call.playPrompt()
        let welcome = call.fire(.firstDigit)
        #expect(welcome.media == [["sound:welcome"]])
        #expect(call.engine.path.steps.contains { $0.event == .language("en") })
    }

    @Test("lookup: a known customer is greeted by the menu with the customer on the path")
    func lookupFound() throws {
        var (call, request) = try Self.callAtLookup()
        let lookup = try #require(request)
        #expect(lookup.callerID == "+84987654321")
        #expect(call.timer(.lookup)?.duration == .seconds(3))
        let menu = call.send(.lookupResult(lookup.id, .found(IVRCustomer(id: "C-17", name: "Tran Thi B"))))
        #expect(menu.media == [["sound:main-menu"]])
        #expect(call.timer(.lookup) == nil)
        let enqueue = try #require(call.press("1").enqueue)
        #expect(enqueue.queue == "sales")
        #expect(enqueue.path.customer?.id == "C-17")
        #expect(enqueue.path.variables["customer.id"] == "C-17")
        #expect(enqueue.path.variables["segment"] == "known")
        #expect(enqueue.path.steps.contains { $0.event == .lookup(result: "found", customerID: "C-17") })
    }

    @Test("lookup: a VIP goes straight to the VIP queue at high priority")
    func lookupVIP() throws {
        var (call, request) = try Self.callAtLookup()
        let lookup = try #require(request)
        let decisions = call.send(.lookupResult(lookup.id, .found(IVRCustomer(id: "C-1", name: "Big Spender", isVIP: true))))
        let enqueue = try #require(decisions.enqueue)
        #expect(enqueue.queue == "support")
        #expect(enqueue.priority == 50)
        #expect(enqueue.skills == ["support": 5])
        #expect(enqueue.path.customer?.isVIP == true)
    }

    @Test("lookup: not found, CRM failure and CRM timeout all lead to the menu", arguments: ["notFound", "failed", "timeout"])
    func lookupNotFound(result: String) throws {
        var (call, request) = try Self.callAtLookup()
        let lookup = try #require(request)
        let decisions: [IVRDecision]
        switch result {
        case "notFound": decisions = call.send(.lookupResult(lookup.id, .notFound))
        case "failed": decisions = call.send(.lookupResult(lookup.id, .failed(reason: "CRM down")))
        default: decisions = call.fire(.lookup)
        }
        #expect(decisions.media == [["sound:main-menu"]])
        #expect(call.engine.path.customer == nil)
        let recorded = call.engine.path.steps.compactMap { step -> String? in
            if case .lookup(let outcome, _) = step.event { outcome } else { nil }
        }
        #expect(recorded == [result == "timeout" ? "timedOut" : result])
        // A late answer after the timeout changes nothing.
        #expect(call.send(.lookupResult(lookup.id, .found(IVRCustomer(id: "late", name: "Late")))).isEmpty)
    }

    @Test("lookup: a withheld caller ID skips the CRM")
    func lookupWithheld() throws {
        var call = try Self.callPastLanguage(at: "2026-11-23T10:00:00+07:00", callerID: "")
        let decisions = call.playPrompt()
        #expect(decisions.compactMap(\.lookupRequest).isEmpty)
        #expect(decisions.media == [["sound:main-menu"]])
    }

    @Test("digits pressed while the CRM is looked up are kept for the menu")
    func digitsDuringLookup() throws {
        var (call, request) = try Self.callAtLookup()
        let lookup = try #require(request)
        #expect(call.press("0").isEmpty)
        let decisions = call.send(.lookupResult(lookup.id, .notFound))
        #expect(decisions.media.isEmpty)
        guard case .transfer(let transfer) = decisions.last else { Issue.record("expected a transfer, got \(decisions)"); return }
        #expect(transfer.extension == "1000")
    }

    @Test("queue hand-off carries the whole path: nodes, digits, lookup, variables, language, call")
    func queueHandOffPath() throws {
        var (call, request) = try Self.callAtLookup()
        call.send(.lookupResult(try #require(request).id, .notFound))
        call.playPrompt()
        call.press("2")  // account number
        call.playPrompt()
        let enqueue = try #require(call.press("123456#").enqueue)
        let path = enqueue.path
        #expect(path.flowID == "main-menu")
        #expect(path.flowVersion == 1)
        #expect(path.call?.callerID == "+84987654321")
        #expect(path.call?.dnis == "7000")
        #expect(path.language == "en")
        #expect(path.variables["account"] == "123456")
        let entered = path.steps.filter { $0.event == .entered }.map(\.nodeID)
        #expect(entered == ["language", "hours", "welcome", "lookup", "main", "account", "support-queue"])
        let pressed = path.steps.compactMap { step -> String? in
            if case .pressed(let digits) = step.event { "\(step.nodeID):\(digits)" } else { nil }
        }
        #expect(pressed == ["language:1", "main:2", "account:123456"])
        #expect(path.steps.contains { $0.nodeID == "lookup" && $0.event == .lookup(result: "notFound", customerID: nil) })
        #expect(call.engine.outcome == .enqueued(queue: "support"))
    }

    @Test("transfer to the operator ends the IVR with the path")
    func transfer() throws {
        var (call, request) = try Self.callAtLookup()
        call.send(.lookupResult(try #require(request).id, .notFound))
        call.playPrompt()
        let decisions = call.press("0")
        guard case .transfer(let transfer) = decisions.last else { Issue.record("expected a transfer"); return }
        #expect(transfer.extension == "1000")
        #expect(transfer.path.steps.last?.nodeID == "operator")
        #expect(call.engine.outcome == .transferred(extension: "1000"))
        #expect(call.send(.digit(DTMFDigit("1")!)).isEmpty)
    }

    @Test("callback keeps the caller's number and the time asked, then confirms and hangs up")
    func callback() throws {
        var (call, request) = try Self.callAtLookup()
        call.send(.lookupResult(try #require(request).id, .notFound))
        call.playPrompt()
        let asked = call.now + 0.5
        let decisions = call.press("3")
        let booked = try #require(decisions.compactMap { decision -> IVRCallbackRequest? in
            if case .requestCallback(let request) = decision { request } else { nil }
        }.first)
        #expect(booked.number == "+84987654321")
        #expect(booked.queue == "support")
        #expect(booked.requestedAt == asked)
        #expect(booked.path.steps.contains { $0.event == .callback(booked: true) })
        #expect(decisions.media == [["sound:callback-booked"]])
        #expect(call.playPrompt().last == .hangUp(reason: "normal"))
        #expect(call.engine.outcome == .hungUp)
    }

    @Test("callback with a collected number uses it; with no number at all it takes the failed branch")
    func callbackNumber() throws {
        let json = """
        {
          "id": "cb", "start": "number",
          "nodes": [
            { "id": "number", "type": "collect", "prompts": ["sound:enter-number"], "variable": "callbackNumber",
              "minLength": 0, "maxLength": 15, "terminator": "#", "next": "book", "fallback": "book" },
            { "id": "book", "type": "callback", "queue": "sales", "numberVariable": "callbackNumber", "priority": 3,
              "next": "booked", "failed": "sorry" },
            { "id": "booked", "type": "hangup" },
            { "id": "sorry", "type": "transfer", "extension": "1000" }
          ]
        }
        """
        var call = CallDriver(try validFlow(json))
        call.start(callerID: "")
        call.playPrompt()
        let decisions = call.press("0901234567#")
        guard case .requestCallback(let booked) = decisions.first(where: { if case .requestCallback = $0 { true } else { false } }) else {
            Issue.record("expected a callback request"); return
        }
        #expect(booked.number == "0901234567")
        #expect(booked.priority == 3)

        var anonymous = CallDriver(try validFlow(json.replacingOccurrences(of: "\"numberVariable\": \"callbackNumber\",", with: "")))
        anonymous.start(callerID: "")
        anonymous.playPrompt()
        let none = anonymous.press("#")
        #expect(!none.contains { if case .requestCallback = $0 { true } else { false } })
        #expect(anonymous.engine.outcome == .transferred(extension: "1000"))
    }
}
