import AsteriskSimulator
import Foundation
import Synchronization

/// Callers dialling the main line (DNIS 7000) of the simulator, each with a script: English at
/// the language prompt, then `menu` keys at the main menu ("1" sales; "2" support, which asks
/// for an account number, answered "1234567#"). Known VIP numbers skip the menu.
final class ScriptedCallers: Sendable {
    let simulator: ARISimulator
    private let menuKeys = Mutex<[String: String]>([:])

    init(simulator: ARISimulator) {
        self.simulator = simulator
        simulator.requestLog.observe { [weak self] entry in self?.react(to: entry) }
    }

    /// A caller dials in now; returns their channel id (which is also the ACD's call id).
    @discardableResult
    func call(from number: String = "+84966123123", name: String = "Unknown caller", menu: String = "1") throws -> String {
        let channel = "e2e-\(UUID().uuidString.prefix(8).lowercased())"
        menuKeys.withLock { $0[channel] = menu }
        try simulator.injectInboundCall(
            application: "ctibridge", exten: "7000", callerName: name, callerNumber: number, channelID: channel)
        return channel
    }

    /// The caller hangs up.
    func hangUp(_ channel: String) throws { try simulator.hangUp(channelID: channel) }

    private func react(to entry: ARISimRequestLog.Entry) {
        guard entry.method == "POST", entry.path.hasPrefix("channels/"), entry.path.contains("/play") else { return }
        let channel = String(entry.path.split(separator: "/")[1])
        let media = entry.query["media"] ?? []
        let keys: String?
        if media.contains("sound:press-1-english") {
            keys = "1"
        } else if media.contains("sound:main-menu") {
            keys = menuKeys.withLock { $0[channel] }
        } else if media.contains("sound:enter-account-number") {
            keys = "1234567#"
        } else {
            keys = nil
        }
        guard let keys else { return }
        let simulator = self.simulator
        Task {
            try? await Task.sleep(for: .milliseconds(200))
            try? simulator.injectDTMF(channelID: channel, digits: keys)
        }
    }
}
