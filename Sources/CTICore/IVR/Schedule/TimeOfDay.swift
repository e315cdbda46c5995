/// A time of day as minutes after midnight, written `HH:MM` (`24:00` is the end of the day).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after midnight, 0...1440.
    public let minutes: Int

    /// Parses `HH:MM` with two-digit hours 00-24 and minutes 00-59; `24:00` is the only 24th hour.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return nil }
        func digit(_ i: Int) -> Int? {
            let b = bytes[i]
            return b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
        }
        guard let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return nil }
        let hour = h1 * 10 + h2
        let minute = m1 * 10 + m2
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        minutes = hour * 60 + minute
    }

    /// The time `minutes` after midnight (0...1440).
    init(minutes: Int) {
        precondition((0...1440).contains(minutes), "time of day out of range")
        self.minutes = minutes
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
