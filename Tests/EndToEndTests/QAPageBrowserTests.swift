import BrowserSupport
import CTIApp
import CTICore
import CTIDemo
import Foundation
import Storage
import Telephony
import TestSupport
import Testing

/// A call recorded through the simulator is scored on the QA page in headless Chromium; the
/// total the page shows is the engine's, and the agent acknowledges it on their own view.
@Suite("End to end: recorded call → QA page → score", .enabled(if: Chromium.path != nil, "needs Debian's chromium package"), .serialized)
struct QAPageBrowserTests {
    /// `docs/screenshots/` when `CTI_WRITE_SCREENSHOTS=1`, else a temporary file.
    static func screenshotURL(_ name: String) -> URL {
        if ProcessInfo.processInfo.environment["CTI_WRITE_SCREENSHOTS"] == "1" {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return root.appendingPathComponent("docs/screenshots/\(name)")
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("cti-\(name)")
    }

    static func text(_ id: String) -> String { "(document.getElementById('\(id)') || {}).textContent || ''" }

    /// Clicks the radio of `question` with `value` the way a user would (it fires `change`).
    static func choose(_ question: String, _ value: String) -> String {
        "document.querySelector('input[name=\"q-\(question)\"][value=\"\(value)\"]').click(); 'ok'"
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits (30 s safety timeout, returning as soon as it holds) for `expression` to be `expected`.
    static func until(_ page: DevToolsPage, _ expression: String, _ expected: String) async throws {
        let seen = try await page.waitFor(expression, toBe: expected, timeout: .seconds(30))
        guard seen == expected else { throw Timeout(description: "\(expression) stayed \(seen.debugDescription), expected \(expected)") }
    }

    static func login(_ page: DevToolsPage, _ username: String) async throws {
        _ = try await page.evaluate("""
            document.getElementById('username').value = '\(username)';
            document.getElementById('password').value = '\(DemoSite.password)';
            document.getElementById('login-form').requestSubmit(); 'ok'
            """)
        try await Self.until(page, "String(document.body.dataset.ready === 'true')", "true")
    }

    @Test("the QA lead scores a recorded call on the page; the live total equals QAScorer's; the agent acknowledges it")
    func scoreARecordedCall() async throws {
        let browser = try await Chromium.launch()
        defer { browser.close() }
        try await EndToEnd.with(wrapUp: 2) { world in
            // The simulator may still be registering the Stasis application: retry (20 s safety net).
            var placed: String?
            let callDeadline = ContinuousClock.now + .seconds(20)
            while placed == nil {
                do {
                    placed = try world.callers.placeCall(from: ("+84903111222", "Le Van C"))
                } catch where ContinuousClock.now < callDeadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            let channel = try #require(placed)
            let ended = await world.events.first { event -> AgentID? in
                if case .ended(let call, let agent, _, _) = event, call.rawValue == channel { agent } else { nil }
            }
            let agent = try #require(ended, "the call did not end within the safety timeout")
            // The recording is indexed when the call ends (poll: the indexer runs on its own task).
            var indexed: RecordingEntry?
            let deadline = ContinuousClock.now + .seconds(20)
            while indexed == nil && ContinuousClock.now < deadline {
                indexed = try await world.store.recordings.find(callID: channel)
                if indexed == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let recording = try #require(indexed)
            #expect(recording.agentID == agent.rawValue)
            #expect(recording.format == "wav" && recording.durationSeconds > 0)
            let file = world.store.configuration.path.replacingOccurrences(of: "ctibridge.sqlite", with: "recordings/\(recording.location)")
            #expect(FileManager.default.fileExists(atPath: file))

            let answers: [String: QAAnswer] = ["greeting": .yes, "verify": .yes, "tone": .scale(3), "resolve": .no, "upsell": .notApplicable]
            let engine = try QAScorer.score(answers, on: DemoSite.scorecard)
            try await browser.withPage { page in
                try await page.navigate("\(world.http)/qa.html")
                try await Self.until(page, "String(document.readyState === 'complete' && typeof QAScoring === 'object')", "true")
                try await Self.login(page, "qa-lead")
                let button = "document.querySelector('button[data-call=\"\(channel)\"]')"
                try await Self.until(page, "String(!!\(button))", "true")
                _ = try await page.evaluate("\(button).click(); 'ok'")
                try await Self.until(page, "document.getElementById('eval-status').dataset.state", "draft")
                // The player streams from the ranged audio endpoint through a short-lived playback link
                // (no session token in the URL), and Chromium reads the file's header from it.
                let audioPath = "/api/recordings/\(recording.id)/audio?grant="
                try await Self.until(page, "String(document.getElementById('audio').src.startsWith('\(world.http)\(audioPath)'))", "true")
                let source = try await page.evaluate("document.getElementById('audio').src")
                let token = try await page.evaluate("(CTI.session() || {}).token || ''")
                #expect(token.count > 20 && !source.contains(token))
                try await Self.until(page, "String(document.getElementById('audio').readyState >= 1 && document.getElementById('audio').duration > 0)", "true")

                for (question, answer) in answers.sorted(by: { $0.key < $1.key }) {
                    _ = try await page.evaluate(Self.choose(question, answer.wireValue))
                }
                try await Self.until(page, "document.getElementById('live-total').dataset.complete", "true")
                let shown = try await page.evaluate(Self.text("live-total"))
                #expect(shown == String(format: "%.2f %%", engine.percent!))
                let percent = try #require(Double(try await page.evaluate("document.getElementById('live-total').dataset.percent")))
                #expect(abs(percent - engine.percent!) < 1e-9)
                #expect(try await page.evaluate(Self.text("live-verdict")) == (engine.passed ? "pass" : "below 80 %"))

                try await page.screenshot().write(to: Self.screenshotURL("qa-evaluator.png"))
                // A comment on the timeline, then submit.
                _ = try await page.evaluate("""
                    document.getElementById('comment-text').value = 'Did not confirm the fix';
                    document.getElementById('comment-form').requestSubmit(); 'ok'
                    """)
                try await Self.until(page, "String(document.querySelectorAll('#timeline li').length)", "1")
                _ = try await page.evaluate("document.getElementById('scorecard-form').requestSubmit(); 'ok'")
                try await Self.until(page, "document.getElementById('eval-status').dataset.state", "submitted")

                let stored = try #require(try await world.store.evaluations.list(EvaluationFilter(callID: channel)).first)
                #expect(stored.state == .submitted)
                #expect(stored.evaluatorID == "qa-lead" && stored.agentID == agent.rawValue)
                #expect(stored.answers == answers)
                #expect(stored.score == engine)
                #expect(stored.comments.map(\.text) == ["Did not confirm the fix"])

                // The agent signs in on the same page and acknowledges.
                _ = try await page.evaluate("document.getElementById('sign-out').click(); 'ok'")
                try await Self.until(page, "String(!document.getElementById('login').hidden && document.readyState === 'complete')", "true")
                try await Self.login(page, agent.rawValue)
                let view = "document.querySelector('button[data-evaluation=\"\(stored.id)\"]')"
                try await Self.until(page, "String(!!\(view))", "true")
                _ = try await page.evaluate("\(view).click(); 'ok'")
                try await Self.until(page, "document.getElementById('agent-score').dataset.state", "submitted")
                #expect(try await page.evaluate(Self.text("agent-score")).contains(String(format: "%.2f %%", engine.percent!)))
                try await page.screenshot().write(to: Self.screenshotURL("qa-agent.png"))
                _ = try await page.evaluate("document.getElementById('btn-ack').click(); 'ok'")
                try await Self.until(page, "document.getElementById('agent-score').dataset.state", "acknowledged")
                #expect(try await world.store.evaluations.get(id: stored.id).state == .acknowledged)
            }
        }
    }
}
