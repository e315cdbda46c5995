/// A service-level goal such as "80/20": 80 % of calls answered within 20 seconds.
public struct ServiceTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Share of calls, 0 < fraction < 1.
    public var fraction: Double
    /// Answer threshold in seconds.
    public var thresholdSeconds: Double

    /// A target of `fraction` within `thresholdSeconds`.
    public init(fraction: Double, thresholdSeconds: Double) {
        self.fraction = fraction
        self.thresholdSeconds = thresholdSeconds
    }

    /// Reads `PERCENT/SECONDS`, e.g. `80/20` or `90/15s`; nil when malformed or out of range.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let percent = Double(parts[0].trimmingSpaces), percent > 0, percent < 100,
            let seconds = DurationText.seconds(String(parts[1])), seconds >= 0
        else { return nil }
        self.init(fraction: percent / 100, thresholdSeconds: seconds)
    }

    public var description: String {
        "\(Self.trim(fraction * 100))/\(Self.trim(thresholdSeconds))"
    }

    private static func trim(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Durations written the way admins write them: `90`, `90s`, `30m`, `1h`, `1h30m`, `250ms`.
public enum DurationText {
    /// Seconds for `text`, or nil when it is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let text = text.trimmingSpaces.lowercased()
        guard !text.isEmpty else { return nil }
        if let plain = Double(text) { return plain >= 0 ? plain : nil }
        var total = 0.0
        var number = ""
        var unit = ""
        var sawPart = false
        func flush() -> Bool {
            guard let value = Double(number), value >= 0 else { return false }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s", "sec": scale = 1
            case "m", "min": scale = 60
            case "h": scale = 3600
            default: return false
            }
            total += value * scale
            number = ""
            unit = ""
            sawPart = true
            return true
        }
        for character in text {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush(), sawPart else { return nil }
        return total
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
