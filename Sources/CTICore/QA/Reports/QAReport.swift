import Foundation

/// A scored evaluation with the call's context, as reports group it.
public struct QAReportRow: Sendable, Hashable, Codable {
    public var evaluationID: String
    public var agentID: String
    public var team: String?
    public var queue: String?
    public var scoredAt: Date
    public var percent: Double
    /// Per question: earned / possible in percent (N/A left out).
    public var questionPercents: [String: Double]

    public init(
        evaluationID: String, agentID: String, team: String?, queue: String?, scoredAt: Date, percent: Double,
        questionPercents: [String: Double]
    ) {
        self.evaluationID = evaluationID
        self.agentID = agentID
        self.team = team
        self.queue = queue
        self.scoredAt = scoredAt
        self.percent = percent
        self.questionPercents = questionPercents
    }

    /// The row for a scored evaluation, or nil when it has no form score yet.
    public init?(_ evaluation: Evaluation, team: String?, queue: String?) {
        guard let score = evaluation.score, let percent = score.percent else { return nil }
        var questions: [String: Double] = [:]
        for question in score.questions {
            if let earned = question.earned, let possible = question.possible, possible > 0 {
                questions[question.questionID] = earned / possible * 100
            }
        }
        self.init(
            evaluationID: evaluation.id, agentID: evaluation.agentID, team: team, queue: queue,
            scoredAt: evaluation.submittedAt ?? evaluation.createdAt, percent: percent, questionPercents: questions)
    }
}

/// Average QA scores grouped by agent, team, queue, question or period.
public enum QAReport {
    /// What rows are grouped by.
    public enum Grouping: String, Sendable, Hashable, Codable, CaseIterable {
        case agent, team, queue, question, day, week
    }

    /// One group's average.
    public struct Line: Sendable, Hashable, Codable {
        public var key: String
        public var count: Int
        public var average: Double
        public var minimum: Double
        public var maximum: Double
    }

    /// Averages per group, sorted by key; rows without the grouped field are left out.
    public static func lines(_ rows: [QAReportRow], by grouping: Grouping, calendar: Calendar = .utc) -> [Line] {
        var groups: [String: [Double]] = [:]
        for row in rows {
            switch grouping {
            case .agent: groups[row.agentID, default: []].append(row.percent)
            case .team: if let team = row.team { groups[team, default: []].append(row.percent) }
            case .queue: if let queue = row.queue { groups[queue, default: []].append(row.percent) }
            case .question:
                for (question, percent) in row.questionPercents { groups[question, default: []].append(percent) }
            case .day, .week:
                let start = calendar.dateInterval(of: grouping == .day ? .day : .weekOfYear, for: row.scoredAt)?.start ?? row.scoredAt
                let day = calendar.dateComponents([.year, .month, .day], from: start)
                let key = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
                groups[key, default: []].append(row.percent)
            }
        }
        return groups.keys.sorted().map { key in
            let values = groups[key]!
            return Line(
                key: key, count: values.count, average: values.reduce(0, +) / Double(values.count),
                minimum: values.min()!, maximum: values.max()!)
        }
    }

    /// The lines as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted).
    public static func csv(_ lines: [Line], keyHeader: String) -> String {
        var text = "\(field(keyHeader)),count,average,minimum,maximum\r\n"
        for line in lines {
            text += [field(line.key), String(line.count), decimal(line.average), decimal(line.minimum), decimal(line.maximum)]
                .joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func field(_ value: String) -> String {
        // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension Calendar {
    /// Gregorian, UTC, weeks from Monday: the calendar of QA reports unless a site picks another.
    public static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        return calendar
    }
}
