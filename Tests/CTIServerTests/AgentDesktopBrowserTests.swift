import CTICore
import BrowserSupport
import Foundation
import Testing
@testable import CTIServer

/// The agent desktop and wallboard pages, loaded from the real server into headless Chromium.
///
/// Screenshots go to `docs/screenshots/` when `CTI_WRITE_SCREENSHOTS=1`, else to a temporary folder.
@Suite(.enabled(if: Chromium.path != nil, "needs Debian's chromium package"), .serialized)
struct AgentDesktopBrowserTests {
    static func screenshotURL(_ name: String) -> URL {
        if ProcessInfo.processInfo.environment["CTI_WRITE_SCREENSHOTS"] == "1" {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return root.appendingPathComponent("docs/screenshots/\(name)")
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("cti-\(name)")
    }

    static func text(_ id: String) -> String { "(document.getElementById('\(id)') || {}).textContent || ''" }

    @Test func offerConnectedAndWrapUpShowOnTheAgentPage() async throws {
        let browser = try await Chromium.launch()
        defer { browser.close() }
        try await CTITestServer.with { server in
            try await browser.withPage { page in
                try await page.navigate("\(server.http)/")
                #expect(try await page.waitFor("String(location.protocol === 'http:' && document.readyState === 'complete' && typeof CTI === 'object')", toBe: "true") == "true")
                // Sign in through the form, as an agent would.
                _ = try await page.evaluate("""
                    document.getElementById('username').value = 'alice';
                    document.getElementById('password').value = 'alice-pw';
                    document.getElementById('login-form').requestSubmit(); 'ok'
                    """)
                #expect(try await page.waitFor("document.getElementById('conn').dataset.state", toBe: "live") == "live")
                for _ in 0..<200 where await server.hub.connectionCounts.agentSockets == 0 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(try await page.evaluate(Self.text("who")) == "Alice Agent")

                await server.hub.publish(.stateChanged(CTIAgentStateChange(agentID: "A1", state: .ready, queues: ["support"])), to: "A1")
                await server.hub.publish(CTISamples.offer("call-77"), to: "A1")
                #expect(try await page.waitFor("document.getElementById('call-status').dataset.phase", toBe: "offer") == "offer")
                #expect(try await page.evaluate(Self.text("caller-number")) == "+44 20 7946 0018")
                #expect(try await page.evaluate(Self.text("customer-name")).contains("Ada Lovelace"))
                #expect(try await page.evaluate("document.querySelectorAll('#tickets li').length") == "2")
                #expect(try await page.evaluate(Self.text("tickets")).contains("T-4821"))
                #expect(try await page.evaluate(Self.text("history")).contains("Asked for a VAT breakdown"))
                #expect(try await page.evaluate(Self.text("ivr-path")).contains("support"))
                #expect(try await page.evaluate("document.getElementById('crm-link').href").hasPrefix("https://crm.example/search?phone="))

                await server.hub.publish(.connected(CTISamples.call("call-77")), to: "A1")
                #expect(try await page.waitFor("document.getElementById('call-status').dataset.phase", toBe: "connected") == "connected")
                #expect(try await page.evaluate("String(document.getElementById('btn-hangup').disabled)") == "false")
                // The desktop acknowledged what it showed.
                for _ in 0..<100 where await server.hub.acknowledged(for: "A1") < 3 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(await server.hub.acknowledged(for: "A1") == 3)
                let shot = try await page.screenshot()
                #expect(shot.count > 10_000)
                try shot.write(to: Self.screenshotURL("agent-desktop.png"))

                await server.hub.publish(.callEnded(CTICallEnded(callID: "call-77", reason: "caller", talkSeconds: 184)), to: "A1")
                await server.hub.publish(.wrapUp(CTIWrapUp(callID: "call-77", seconds: 60, dispositions: ["Resolved", "Callback", "Escalated"])), to: "A1")
                await server.hub.publish(.stateChanged(CTIAgentStateChange(agentID: "A1", state: .wrapUp, queues: ["support"])), to: "A1")
                #expect(try await page.waitFor(Self.text("agent-state"), toBe: "wrap up") == "wrap up")
                #expect(try await page.waitFor("document.getElementById('call-status').dataset.phase", toBe: "wrapUp") == "wrapUp")
                #expect(try await page.evaluate("String(document.getElementById('wrapup').hidden)") == "false")
                try await page.screenshot().write(to: Self.screenshotURL("agent-wrap-up.png"))
                _ = try await page.evaluate("""
                    document.getElementById('disposition').value = 'Callback';
                    document.getElementById('wrapup-note').value = 'Call back with VAT breakdown';
                    document.getElementById('wrapup-form').requestSubmit(); 'ok'
                    """)
                // setDisposition then endWrapUp reached the action handler; the ready state came back to the page.
                #expect(try await page.waitFor(Self.text("agent-state"), toBe: "ready") == "ready")
                #expect(server.actions.disposition(for: "call-77") == "Callback")
                #expect(server.actions.performed.map(\.action.name).suffix(2) == ["setDisposition", "endWrapUp"])
            }
        }
    }

    @Test func wallboardShowsQueuesAndAgentsLive() async throws {
        let browser = try await Chromium.launch(width: 1440, height: 820)
        defer { browser.close() }
        try await CTITestServer.with { server in
            let agents: [WallboardSnapshot.AgentRow] = [
                .init(agentID: "A1", name: "Alice Agent", state: .onCall, secondsInState: 184),
                .init(agentID: "A2", name: "Bob Agent", state: .ready, secondsInState: 22),
                .init(agentID: "A3", name: "Carol Agent", state: .wrapUp, secondsInState: 31),
                .init(agentID: "A4", name: "Dan Agent", state: .paused, secondsInState: 420, reason: "Lunch"),
                .init(agentID: "A5", name: "Erin Agent", state: .onCall, secondsInState: 66),
                .init(agentID: "A6", name: "Femi Agent", state: .offered, secondsInState: 4),
                .init(agentID: "A7", name: "Gus Agent", state: .ready, secondsInState: 95),
            ]
            @Sendable func snapshot(at time: Double, waiting: Int) -> WallboardSnapshot {
                WallboardSnapshot(generatedAt: time, queues: [
                    .init(queue: "support", name: "Support", waiting: waiting, longestWaitSeconds: Double(18 * waiting),
                          serviceLevelToday: 0.86, answeredToday: 412, abandonedToday: 9, agentsReady: 2),
                    .init(queue: "sales", name: "Sales", waiting: max(0, waiting - 2), longestWaitSeconds: 12,
                          serviceLevelToday: 0.93, answeredToday: 188, abandonedToday: 2, agentsReady: 1),
                    .init(queue: "billing", name: "Billing", waiting: 1, longestWaitSeconds: 74,
                          serviceLevelToday: 0.71, answeredToday: 96, abandonedToday: 7, agentsReady: 0),
                ], agents: agents)
            }
            let start = Date().timeIntervalSince1970 - 600
            await server.hub.publishWallboard(snapshot(at: start, waiting: 1))
            try await browser.withPage { page in
                try await page.navigate("\(server.http)/wallboard.html")
                #expect(try await page.waitFor("String(location.protocol === 'http:' && document.readyState === 'complete' && typeof CTI === 'object')", toBe: "true") == "true")
                _ = try await page.evaluate("""
                    document.getElementById('username').value = 'sue';
                    document.getElementById('password').value = 'sue-pw';
                    document.getElementById('login-form').requestSubmit(); 'ok'
                    """)
                #expect(try await page.waitFor("String(document.querySelectorAll('#queues tbody tr').length)", toBe: "3") == "3")
                let waits = [1, 2, 4, 3, 5, 6, 4, 3, 5, 7, 6, 4, 3, 4, 5]
                for (index, waiting) in waits.enumerated() {
                    await server.hub.publishWallboard(snapshot(at: start + Double(index + 1) * 40, waiting: waiting))
                }
                #expect(try await page.waitFor(Self.text("kpi-waiting"), toBe: "9") == "9")
                #expect(try await page.evaluate(Self.text("kpi-ready")) == "2")
                #expect(try await page.evaluate("String(document.querySelectorAll('#agents tbody tr').length)") == "7")
                #expect(try await page.evaluate("String(document.querySelectorAll('#donut circle').length)") == "6")
                #expect(try await page.evaluate("String(document.querySelectorAll('#trend polyline').length)") == "1")
                let shot = try await page.screenshot()
                #expect(shot.count > 10_000)
                try shot.write(to: Self.screenshotURL("wallboard.png"))
            }
        }
    }
}
