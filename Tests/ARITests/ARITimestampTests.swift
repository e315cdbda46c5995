import ARI
import Foundation
import Testing

/// Asterisk's event timestamps read as seconds since 1970, and what is refused.
@Suite("ARI timestamps")
struct ARITimestampTests {
    @Test("Asterisk's format with milliseconds, as in the captures")
    func milliseconds() throws {
        // 2026-11-22T18:02:04Z is 1,795,370,524 s after 1970.
        let seconds = try #require(ARITimestamp.secondsSince1970("2026-11-22T18:02:04.507+0000"))
        #expect(abs(seconds - 1_795_370_524.507) < 1e-6)
    }

    @Test("offsets east and west of UTC, Z, microseconds and a leap day agree with Foundation")
    func offsetsAndFractions() throws {
        let utc = try #require(ARITimestamp.secondsSince1970("2024-02-29T23:59:59.250Z"))
        let reference = try #require(ISO8601DateFormatter().date(from: "2024-02-29T23:59:59Z")).timeIntervalSince1970
        #expect(abs(utc - (reference + 0.25)) < 1e-6)
        #expect(ARITimestamp.secondsSince1970("2024-03-01T06:59:59.250+0700") == utc)
        #expect(ARITimestamp.secondsSince1970("2024-02-29T18:29:59.250-05:30") == utc)
        let micro = try #require(ARITimestamp.secondsSince1970("1970-01-01T00:00:01.000001+0000"))
        #expect(abs(micro - 1.000001) < 1e-9)
    }

    @Test("anything else is nil", arguments: [
        "", "2026-11-22", "2026-11-22T18:02:04.507", "2026-13-22T18:02:04.507+0000", "2026-11-22T25:02:04.507+0000",
        "2026-11-22T18:02:04.+0000", "2026-11-22T18:02:04.507+00", "2026-11-22T18:02:04.507+0000 ", "yesterday",
    ])
    func refused(_ text: String) {
        #expect(ARITimestamp.secondsSince1970(text) == nil)
    }

    @Test("written as Asterisk writes it, and read back", arguments: [0.0, 951_782_400.5, 1_795_370_524.25, 4_102_444_799.75])
    func roundTrip(_ seconds: Double) throws {
        let text = ARITimestamp.string(secondsSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        #expect(text == formatter.string(from: Date(timeIntervalSince1970: seconds)))
        let read = try #require(ARITimestamp.secondsSince1970(text))
        #expect(abs(read - seconds) < 0.0015)
    }

    @Test("a capture's timestamp survives reading and writing")
    func captureRoundTrip() throws {
        let text = "2026-11-22T18:02:04.507+0000"
        #expect(ARITimestamp.string(secondsSince1970: try #require(ARITimestamp.secondsSince1970(text))) == text)
    }
}
