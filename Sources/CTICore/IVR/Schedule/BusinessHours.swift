import Foundation

/// A time condition's schedule, checked and ready to evaluate: open minutes per weekday,
/// holidays, and a Gregorian calendar in the schedule's time zone.
public struct BusinessHours: Sendable {
    /// Where a moment falls.
    public enum State: String, Sendable, Hashable, Codable {
        case open, closed, holiday
    }

    private let calendar: Calendar
    /// Open ranges in minutes after midnight, indexed by `Calendar` weekday − 1.
    private let ranges: [[Range<Int>]]
    private let holidays: Set<CalendarDate>

    /// The schedule of `node`, or every problem with it.
    public static func compile(_ node: IVRNode.TimeCondition) -> Result<BusinessHours, Problems> {
        var problems: [Problem] = []
        var zone: TimeZone?
        if node.timeZone.isEmpty {
            problems.append(.timeZone("time condition has no timeZone (an IANA name such as Europe/Berlin)"))
        } else if let found = TimeZone(identifier: node.timeZone) {
            zone = found
        } else {
            problems.append(.timeZone("unknown time zone '\(node.timeZone)' (expected an IANA name such as Europe/Berlin)"))
        }

        var ranges = [[Range<Int>]](repeating: [], count: 7)
        for (dayName, dayRanges) in node.schedule.sorted(by: { $0.key < $1.key }) {
            guard let day = Weekday(rawValue: dayName.lowercased()) else {
                problems.append(.schedule("unknown day '\(dayName)' in schedule (expected monday … sunday)"))
                continue
            }
            var parsed: [Range<Int>] = []
            for range in dayRanges {
                guard let from = TimeOfDay(range.from) else {
                    problems.append(.schedule("\(dayName): '\(range.from)' is not a time HH:MM (00:00-24:00)"))
                    continue
                }
                guard let to = TimeOfDay(range.to) else {
                    problems.append(.schedule("\(dayName): '\(range.to)' is not a time HH:MM (00:00-24:00)"))
                    continue
                }
                guard from < to else {
                    problems.append(.schedule("\(dayName): range \(range.from)-\(range.to) is empty or backwards (split ranges across midnight over two days)"))
                    continue
                }
                parsed.append(from.minutes..<to.minutes)
            }
            parsed.sort { $0.lowerBound < $1.lowerBound }
            for (earlier, later) in zip(parsed, parsed.dropFirst()) where earlier.overlaps(later) {
                problems.append(.schedule("\(dayName): ranges \(Self.text(earlier)) and \(Self.text(later)) overlap"))
            }
            ranges[day.calendarWeekday - 1].append(contentsOf: parsed)
        }
        if node.schedule.values.allSatisfy(\.isEmpty) {
            problems.append(.schedule("schedule has no open ranges, so the open branch can never be taken"))
        }

        var holidays = Set<CalendarDate>()
        for text in node.holidays {
            if let date = CalendarDate(text) {
                holidays.insert(date)
            } else {
                problems.append(.schedule("holiday '\(text)' is not a date YYYY-MM-DD"))
            }
        }

        guard problems.isEmpty, let zone else { return .failure(Problems(list: problems)) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return .success(BusinessHours(calendar: calendar, ranges: ranges, holidays: holidays))
    }

    /// The state at `date`, judged by the local date and time in the schedule's zone.
    public func state(at date: Date) -> State {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
              let hour = parts.hour, let minute = parts.minute
        else { return .closed }
        if let today = CalendarDate(year: year, month: month, day: day), holidays.contains(today) {
            return .holiday
        }
        let now = hour * 60 + minute
        return ranges[weekday - 1].contains { $0.contains(now) } ? .open : .closed
    }

    /// One reason a schedule is unusable.
    public enum Problem: Sendable, Hashable {
        /// The time zone is missing or unknown.
        case timeZone(String)
        /// Days, times, ranges or holidays are wrong.
        case schedule(String)
    }

    /// Every reason a schedule is unusable.
    public struct Problems: Error, Sendable, Hashable {
        public let list: [Problem]
    }

    private static func text(_ range: Range<Int>) -> String {
        "\(TimeOfDay(minutes: range.lowerBound))-\(TimeOfDay(minutes: range.upperBound))"
    }
}
