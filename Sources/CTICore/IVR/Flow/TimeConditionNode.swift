extension IVRNode {
    /// Branches on the local time in a time zone: open hours, closed, or a holiday.
    public struct TimeCondition: Sendable, Hashable, Codable {
        /// IANA time zone, e.g. `Europe/Berlin`.
        public var timeZone: String
        /// Day name (`monday` … `sunday`) → open ranges that day; a missing day is closed.
        public var schedule: [String: [OpenRange]]
        /// Closed dates, `YYYY-MM-DD` in the flow's time zone.
        public var holidays: [String]
        /// Target while open.
        public var open: String
        /// Target outside the open ranges.
        public var closed: String
        /// Target on a holiday; when absent, `closed` is used.
        public var holiday: String?

        public init(timeZone: String, schedule: [String: [OpenRange]], holidays: [String] = [], open: String, closed: String, holiday: String? = nil) {
            self.timeZone = timeZone
            self.schedule = schedule
            self.holidays = holidays
            self.open = open
            self.closed = closed
            self.holiday = holiday
        }

        private enum CodingKeys: String, CodingKey { case timeZone, schedule, holidays, open, closed, holiday }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            timeZone = try c.decode(.timeZone, or: "")
            schedule = try c.decode(.schedule, or: [:])
            holidays = try c.decode(.holidays, or: [])
            open = try c.decode(.open, or: "")
            closed = try c.decode(.closed, or: "")
            holiday = try c.decodeIfPresent(String.self, forKey: .holiday)
        }
    }

    /// Open from `from` up to (not including) `to`, as `HH:MM`; `to` may be `24:00`.
    public struct OpenRange: Sendable, Hashable, Codable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }
}
