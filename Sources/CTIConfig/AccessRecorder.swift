import Configuration
import Synchronization

/// Remembers, for the latest read, which provider answered and whether it failed.
///
/// swift-configuration's reader methods return `nil` or the default both when a key is missing and
/// when its value has the wrong type; the access event tells the two apart, so validation can
/// report "expected an integer" instead of silently using the default.
final class AccessRecorder: AccessReporter {
    /// What the latest read found.
    struct Outcome: Sendable {
        /// Index (in provider order) of the provider that answered or failed; nil when none had the key.
        var providerIndex: Int?
        /// Whether that provider had the key but could not give it as the requested type.
        var failed: Bool
    }

    private let latest = Mutex<Outcome?>(nil)

    func report(_ event: AccessEvent) {
        var outcome = Outcome(providerIndex: nil, failed: false)
        for (index, result) in event.providerResults.enumerated() {
            switch result.result {
            case .failure:
                outcome = Outcome(providerIndex: index, failed: true)
            case .success(let lookup) where lookup.value != nil:
                outcome = Outcome(providerIndex: index, failed: false)
            case .success:
                continue
            }
            break
        }
        if event.conversionError != nil { outcome.failed = true }
        latest.withLock { $0 = outcome }
    }

    /// The outcome of the latest read, cleared for the next one.
    func take() -> Outcome {
        latest.withLock { value in
            defer { value = nil }
            return value ?? Outcome(providerIndex: nil, failed: false)
        }
    }
}
