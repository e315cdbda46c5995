import CTICore
import Foundation
import Testing

@Suite("IVR business hours")
struct BusinessHoursTests {
    static func hours(_ zone: String, _ schedule: [String: [IVRNode.OpenRange]], holidays: [String] = []) throws -> BusinessHours {
        try BusinessHours.compile(IVRNode.TimeCondition(timeZone: zone, schedule: schedule, holidays: holidays, open: "o", closed: "c")).get()
    }

    @Test("daylight saving time: local hours follow the zone's offset change (Berlin, 29 March 2026)")
    func daylightSaving() throws {
        let hours = try Self.hours("Europe/Berlin", [
            "saturday": [.init(from: "03:00", to: "04:00")], "sunday": [.init(from: "03:00", to: "04:00")],
        ])
        #expect(hours.state(at: instant("2026-03-28T02:30:00Z")) == .open)    // Saturday 03:30 CET (+1)
        #expect(hours.state(at: instant("2026-03-29T01:30:00Z")) == .open)    // Sunday 03:30 CEST (+2)
        #expect(hours.state(at: instant("2026-03-29T02:30:00Z")) == .closed)  // Sunday 04:30 CEST
    }

    @Test("24:00 closes at midnight, and the next day starts closed")
    func endOfDay() throws {
        let hours = try Self.hours("UTC", ["friday": [.init(from: "20:00", to: "24:00")]])
        #expect(hours.state(at: instant("2026-11-27T23:59:59Z")) == .open)
        #expect(hours.state(at: instant("2026-11-28T00:00:00Z")) == .closed)
    }

    @Test("a holiday closes an otherwise open day, by the local date")
    func holiday() throws {
        let hours = try Self.hours("America/New_York", ["friday": [.init(from: "09:00", to: "17:00")]], holidays: ["2026-11-27"])
        #expect(hours.state(at: instant("2026-11-27T15:00:00Z")) == .holiday)  // 10:00 in New York
        #expect(hours.state(at: instant("2026-11-20T15:00:00Z")) == .open)
        #expect(hours.state(at: instant("2026-11-28T03:00:00Z")) == .holiday)  // still the 27th, 22:00 locally
    }

    @Test("times and dates parse strictly")
    func parsing() {
        #expect(TimeOfDay("00:00")?.minutes == 0)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("17:45")?.description == "17:45")
        for bad in ["24:01", "7:00", "07:60", "0700", "ab:cd", ""] { #expect(TimeOfDay(bad) == nil, "\(bad)") }
        #expect(CalendarDate("2028-02-29") != nil)
        for bad in ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", "2026-01-0x"] { #expect(CalendarDate(bad) == nil, "\(bad)") }
        #expect(DTMFDigit("#")?.description == "#")
        #expect(DTMFDigit("7")?.number == 7)
        for bad in ["", "10", "E", "x"] { #expect(DTMFDigit(bad) == nil, "\(bad)") }
    }
}
