import Foundation

/// A rule that picks calls for QA review.
public enum QASamplingRule: Sendable, Hashable, Codable {
    /// `count` random calls per agent in each period (seeded, so the pick can be repeated).
    case randomPerAgent(count: Int, periodDays: Int)
    /// Every call whose talk time is under `seconds`.
    case shortCalls(underSeconds: Double)
    /// Every call whose post-call survey scored at most `maxScore` (1-5).
    case lowSurvey(maxScore: Int)

    /// The rule in words, for the work list.
    public var reason: String {
        switch self {
        case .randomPerAgent(let count, let days): "random \(count) per agent per \(days) day(s)"
        case .shortCalls(let seconds): "talk under \(Int(seconds)) s"
        case .lowSurvey(let score): "survey score \(score) or less"
        }
    }
}

/// A recorded call that may be sampled.
public struct QASampleCandidate: Sendable, Hashable, Codable {
    public var callID: String
    public var agentID: String
    public var queue: String?
    public var startedAt: Date
    public var talkSeconds: Double
    public var surveyScore: Int?

    public init(callID: String, agentID: String, queue: String? = nil, startedAt: Date, talkSeconds: Double, surveyScore: Int? = nil) {
        self.callID = callID
        self.agentID = agentID
        self.queue = queue
        self.startedAt = startedAt
        self.talkSeconds = talkSeconds
        self.surveyScore = surveyScore
    }
}

/// One call on an evaluator's work list.
public struct QAWorkItem: Sendable, Hashable, Codable {
    public var callID: String
    public var agentID: String
    public var evaluatorID: String
    /// Why it was picked (the first rule that picked it).
    public var reason: String

    public init(callID: String, agentID: String, evaluatorID: String, reason: String) {
        self.callID = callID
        self.agentID = agentID
        self.evaluatorID = evaluatorID
        self.reason = reason
    }
}

/// Applies sampling rules to recorded calls and shares the picks among evaluators.
public enum QASampler {
    /// Calls picked by `rules` (each once), minus those already evaluated, dealt round-robin to
    /// `evaluators`, never to an evaluator who is the call's agent. Periods start at `periodStart`.
    public static func workList(
        candidates: [QASampleCandidate], rules: [QASamplingRule], evaluators: [String], alreadyEvaluated: Set<String>,
        periodStart: Date, seed: UInt64
    ) -> [QAWorkItem] {
        let open = candidates.filter { !alreadyEvaluated.contains($0.callID) }.sorted { ($0.startedAt, $0.callID) < ($1.startedAt, $1.callID) }
        var picked: [(QASampleCandidate, String)] = []
        var seen: Set<String> = []
        var random = SeededGenerator(seed: seed)
        for rule in rules {
            for candidate in pick(rule, from: open, periodStart: periodStart, random: &random) where seen.insert(candidate.callID).inserted {
                picked.append((candidate, rule.reason))
            }
        }
        let evaluators = evaluators.sorted()
        guard !evaluators.isEmpty else { return [] }
        var next = 0
        var items: [QAWorkItem] = []
        for (candidate, reason) in picked {
            for offset in 0..<evaluators.count {
                let evaluator = evaluators[(next + offset) % evaluators.count]
                guard evaluator != candidate.agentID else { continue }
                items.append(QAWorkItem(callID: candidate.callID, agentID: candidate.agentID, evaluatorID: evaluator, reason: reason))
                next = (next + offset + 1) % evaluators.count
                break
            }
        }
        return items
    }

    private static func pick(
        _ rule: QASamplingRule, from candidates: [QASampleCandidate], periodStart: Date, random: inout SeededGenerator
    ) -> [QASampleCandidate] {
        switch rule {
        case .shortCalls(let seconds):
            return candidates.filter { $0.talkSeconds < seconds }
        case .lowSurvey(let maxScore):
            return candidates.filter { ($0.surveyScore ?? .max) <= maxScore }
        case .randomPerAgent(let count, let days):
            guard count > 0, days > 0 else { return [] }
            let period = Double(days) * 86_400
            var groups: [String: [QASampleCandidate]] = [:]
            for candidate in candidates where candidate.startedAt >= periodStart {
                let index = Int(candidate.startedAt.timeIntervalSince(periodStart) / period)
                groups["\(candidate.agentID)|\(index)", default: []].append(candidate)
            }
            var result: [QASampleCandidate] = []
            for key in groups.keys.sorted() {
                var group = groups[key]!
                group.shuffle(using: &random)
                result += group.prefix(count)
            }
            return result
        }
    }
}
