import BrowserSupport
import CTIApp
import CTICore
import CTIDemo
import Foundation
import Storage
import Telephony
import Testing

/// A call from the simulator through the IVR and the ACD to the agent's browser, and into the store.
@Suite("End to end: IVR → ACD → agent desktop → SQLite", .enabled(if: Chromium.path != nil, "needs Debian's chromium package"), .serialized)
struct CallToBrowserTests {
    static func text(_ id: String) -> String { "(document.getElementById('\(id)') || {}).textContent || ''" }
    static let phase = "document.getElementById('call-status').dataset.phase"

    @Test("a known VIP caller is routed by the IVR, popped on agent 1004's page (offer, connected, wrap-up), and stored")
    func vipCallReachesTheBrowser() async throws {
        let browser = try await Chromium.launch()
        defer { browser.close() }
        try await EndToEnd.with(wrapUp: 30) { world in
            // Only agent 1004 (support skill 5, as the VIP queue step needs) takes calls, so the call is theirs.
            for agent in DemoSite.agents where agent != "1004" { try await world.centre.controller.pause(AgentID(agent), reason: "test") }
            try await browser.withPage { page in
                try await page.navigate("\(world.http)/")
                _ = try await page.waitFor("String(document.readyState === 'complete' && typeof CTI === 'object')", toBe: "true")
                _ = try await page.evaluate("""
                    document.getElementById('username').value = '1004';
                    document.getElementById('password').value = '\(DemoSite.password)';
                    document.getElementById('login-form').requestSubmit(); 'ok'
                    """)
                #expect(try await page.waitFor("document.getElementById('conn').dataset.state", toBe: "live") == "live")
                #expect(try await page.evaluate(Self.text("who")) == "Dung Pham")

                // Tran Thi B, a VIP customer in the CRM, calls the main line.
                let channel = try world.callers.placeCall(from: ("+84912345678", "Tran Thi B"))
                #expect(try await page.waitFor(Self.phase, toBe: "offer", timeout: .seconds(20)) == "offer")
                #expect(try await page.evaluate(Self.text("caller-number")) == "+84912345678")
                #expect(try await page.evaluate(Self.text("customer")).contains("Tran Thi B"))
                #expect(try await page.evaluate(Self.text("customer")).contains("Saigon Coffee Co."))
                #expect(try await page.evaluate(Self.text("tickets")).contains("Invoice 2026-114"))
                #expect(try await page.evaluate(Self.text("ivr-path")).contains("vip-queue"))
                #expect(try await page.evaluate(Self.text("queue")) == "support")

                #expect(try await page.waitFor(Self.phase, toBe: "connected", timeout: .seconds(20)) == "connected")
                #expect(try await page.evaluate(Self.text("recording")).contains("acd-"))
                // The caller hangs up after talking; the agent goes to wrap-up.
                #expect(try await page.waitFor(Self.phase, toBe: "wrapUp", timeout: .seconds(20)) == "wrapUp")
                #expect(try await page.waitFor(Self.text("agent-state"), toBe: "wrap up") == "wrap up")

                // The interaction is in the SQLite file, linked to the customer, with the IVR path and recording.
                let callID = try #require(await world.events.first { event -> CallID? in
                    if case .ended(let call, _, _, _) = event { call } else { nil }
                })
                #expect(callID.rawValue == channel)
                var stored: Interaction?
                for _ in 0..<100 {
                    stored = try await world.store.interactions.find(callID: channel)
                    if stored != nil { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                let interaction = try #require(stored)
                #expect(interaction.agent == "1004")
                #expect(interaction.queue == "support")
                #expect(interaction.customerID != nil)
                #expect(interaction.ivrPath.contains("vip-queue"))
                #expect(interaction.recordingReference?.hasPrefix("acd-") == true)
                #expect(interaction.talkSeconds > 0)

                // Wrap-up on the page: disposition stored, agent ready again.
                _ = try await page.evaluate("""
                    const select = document.getElementById('disposition');
                    select.value = select.options[0].value;
                    document.getElementById('wrapup-note').value = 'VAT fixed';
                    document.getElementById('wrapup-form').requestSubmit(); 'ok'
                    """)
                #expect(try await page.waitFor(Self.text("agent-state"), toBe: "ready", timeout: .seconds(10)) == "ready")
                let after = try await world.store.interactions.find(callID: channel)
                #expect(after?.disposition?.hasSuffix("VAT fixed") == true)
            }
        }
    }
}
