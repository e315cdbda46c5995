import ARI
import CTICore
import CTIMetrics
import Foundation
import Telephony

extension ContactCentre {
    /// Feeds the ACD controller its ARI events and records, once it has handled each one, the time
    /// since Asterisk stamped it in `ctibridge_event_lag_seconds{source="ari"}`.
    ///
    /// The IVR runner takes the same events from a subscription of its own without waiting on
    /// ARI, so the controller, which does, is the last to finish with an event.
    func runACD(events: ARIEventSubscription) async {
        await controller.run(events: events) { [self] event in recordLag(of: event) }
    }

    /// Records how long ago Asterisk stamped `event` (nothing for an unreadable timestamp).
    func recordLag(of event: ARIEvent) {
        guard let stamped = ARITimestamp.secondsSince1970(event.timestamp) else { return }
        metrics.eventLag(seconds: now().timeIntervalSince1970 - stamped, source: "ari")
    }
}
