import CTICore
import Foundation
import Testing

@Suite("IVR engine: collecting digits")
struct IVREngineCollectTests {
    static func flow(minLength: Int = 4, maxLength: Int = 6, terminator: String? = "#", sensitive: Bool = false) throws -> ValidatedFlow {
        let terminatorField = terminator.map { "\"terminator\": \"\($0)\"," } ?? ""
        return try validFlow("""
        {
          "id": "collect-test", "start": "pin",
          "nodes": [
            { "id": "pin", "type": "collect", "prompts": ["sound:enter-pin"], "variable": "pin",
              "minLength": \(minLength), "maxLength": \(maxLength), \(terminatorField) "sensitive": \(sensitive),
              "firstDigitTimeout": 5, "interDigitTimeout": 3, "overallTimeout": 20,
              "maxRetries": 1, "invalidPrompts": ["sound:pin-invalid"], "timeoutPrompts": ["sound:no-input"],
              "next": "done", "fallback": "failed" },
            { "id": "done", "type": "queue", "queue": "verified" },
            { "id": "failed", "type": "hangup" }
          ]
        }
        """)
    }

    @Test("the terminator ends an entry of at least minLength; the digits go into the variable")
    func terminator() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        let waiting = call.playPrompt()
        #expect(Set(waiting.compactMap(\.startedTimer).map(\.kind)) == [.firstDigit, .overall])
        call.press("1234")
        #expect(call.timer(.interDigit)?.duration == .seconds(3))
        #expect(call.timer(.firstDigit) == nil)
        let done = call.press("#")
        #expect(done.enqueue?.path.variables["pin"] == "1234")
        #expect(call.engine.path.steps.contains { $0.event == .variable(name: "pin", value: "1234") })
        #expect(call.timers.isEmpty)
    }

    @Test("input ends by itself at maxLength")
    func maxLength() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        call.playPrompt()
        #expect(call.press("12345").enqueue == nil)
        #expect(call.press("6").enqueue?.path.variables["pin"] == "123456")
    }

    @Test("the first digit stops the prompt and every later digit is kept")
    func bargeInKeepsDigits() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        let prompt = try #require(call.playing)
        call.send(.playbackStarted(prompt.id))
        let first = call.press("9")
        #expect(first.contains(.stopPlayback(prompt.id)))
        #expect(Set(first.compactMap(\.startedTimer).map(\.kind)) == [.overall, .interDigit])
        call.press("876")
        call.send(.playbackFinished(prompt.id))  // late report of the stopped prompt
        #expect(call.press("#").enqueue?.path.variables["pin"] == "9876")
    }

    @Test("the inter-digit timeout accepts an entry that has reached minLength")
    func interDigitAccepts() throws {
        var call = CallDriver(try Self.flow(terminator: nil))
        call.start()
        call.playPrompt()
        call.press("4321")
        #expect(call.fire(.interDigit).enqueue?.path.variables["pin"] == "4321")
    }

    @Test("a too-short entry is invalid: the invalid prompt and a fresh entry")
    func tooShort() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        call.playPrompt()
        call.press("12")
        let retry = call.fire(.interDigit)
        #expect(retry.media == [["sound:pin-invalid", "sound:enter-pin"]])
        #expect(call.timer(.overall) == nil)
        call.playPrompt()
        #expect(call.press("5555#").enqueue?.path.variables["pin"] == "5555")
    }

    @Test("the terminator before minLength digits is invalid")
    func earlyTerminator() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        call.playPrompt()
        #expect(call.press("12#").media == [["sound:pin-invalid", "sound:enter-pin"]])
    }

    @Test("no first digit, twice, takes the fallback")
    func firstDigitTimeout() throws {
        var call = CallDriver(try Self.flow())
        call.start()
        call.playPrompt()
        #expect(call.fire(.firstDigit).media == [["sound:no-input", "sound:enter-pin"]])
        call.playPrompt()
        let last = call.fire(.firstDigit)
        #expect(last.last == .hangUp(reason: "normal"))
        #expect(call.timers.isEmpty)
    }

    @Test("the overall timeout ends a slow entry: accepted with minLength digits, else invalid")
    func overallTimeout() throws {
        var call = CallDriver(try Self.flow(maxLength: 10))
        call.start()
        call.playPrompt()
        for key in "12345" {
            call.press(String(key))
            call.now += 2.5  // under the inter-digit timeout, but the overall runs on
        }
        #expect(call.fire(.overall).enqueue?.path.variables["pin"] == "12345")

        var slow = CallDriver(try Self.flow(maxLength: 10))
        slow.start()
        slow.playPrompt()
        slow.press("12")
        #expect(slow.fire(.overall).media == [["sound:pin-invalid", "sound:enter-pin"]])
    }

    @Test("a sensitive entry is masked in the path but stored in the variable")
    func sensitive() throws {
        var call = CallDriver(try Self.flow(sensitive: true))
        call.start()
        call.playPrompt()
        let request = try #require(call.press("2468#").enqueue)
        #expect(request.path.variables["pin"] == "2468")
        #expect(request.path.steps.contains { $0.event == .pressed(digits: "****") })
        #expect(!request.path.steps.contains { $0.event == .pressed(digits: "2468") })
    }

    @Test("digits typed ahead of a collect node are used without playing its prompt")
    func typeAheadIntoCollect() throws {
        let flow = try validFlow("""
        {
          "id": "ahead", "start": "hello",
          "nodes": [
            { "id": "hello", "type": "play", "prompts": ["sound:hello"], "next": "acct" },
            { "id": "acct", "type": "collect", "prompts": ["sound:enter-account"], "variable": "account",
              "minLength": 3, "maxLength": 3, "next": "q", "fallback": "q" },
            { "id": "q", "type": "queue", "queue": "support" }
          ]
        }
        """)
        var call = CallDriver(flow)
        call.start()
        let decisions = call.press("123")
        #expect(decisions.media.isEmpty)
        #expect(decisions.enqueue?.path.variables["account"] == "123")
    }
}
