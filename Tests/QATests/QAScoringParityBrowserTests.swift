import BrowserSupport
import CTICore
import Foundation
import Testing

/// The QA page's live total (qa-score.js) against QAScorer, in headless Chromium, over the three
/// scoring modes, N/A, section- and form-critical questions and hundreds of seeded answer sets.
@Suite("QA page scoring = engine scoring", .enabled(if: Chromium.path != nil, "needs Debian's chromium package"), .serialized)
struct QAScoringParityBrowserTests {
    static func card(_ mode: QAScoringMode, sectionCritical: Bool) -> Scorecard {
        Scorecard(
            id: "parity-\(mode.rawValue)", name: "Parity", passingMark: 60, mode: mode,
            sections: [
                ScorecardSection(id: "opening", title: "Opening", weight: 20, questions: [
                    ScorecardQuestion(id: "o1", text: "o1", points: 1),
                    ScorecardQuestion(id: "o2", text: "o2", kind: .scale(max: 2), points: 2, weight: 3),
                    ScorecardQuestion(id: "o3", text: "o3", points: 1),
                ]),
                ScorecardSection(id: "resolution", title: "Resolution", weight: 50, questions: [
                    ScorecardQuestion(id: "r1", text: "r1", kind: .scale(max: 5), points: 5),
                    ScorecardQuestion(id: "r2", text: "r2", kind: .scale(max: 5), points: 5, critical: sectionCritical ? .section : .none),
                    ScorecardQuestion(id: "r3", text: "r3", kind: .scale(max: 2), points: 2),
                ]),
                ScorecardSection(id: "compliance", title: "Compliance", weight: 30, questions: [
                    ScorecardQuestion(id: "c1", text: "c1", points: 1),
                    ScorecardQuestion(id: "c2", text: "c2", points: 1, critical: .form),
                ]),
            ])
    }

    struct Case: Encodable, Sendable {
        var card: Scorecard
        var answers: [String: QAAnswer]
    }

    struct PageScore: Decodable {
        var percent: Double?
        var rawPercent: Double?
        var autoFailed: Bool
        var passed: Bool
        var complete: Bool
    }

    @Test("600 seeded answer sets over every mode: percent, raw percent, auto-fail and pass agree with QAScorer")
    func parity() async throws {
        var random = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 1...UInt64.max, using: &random)
        let firstSeed = seed
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var cases: [Case] = []
        for mode in QAScoringMode.allCases {
            for sectionCritical in [false, true] {
                let card = Self.card(mode, sectionCritical: sectionCritical)
                for _ in 0..<100 {
                    var answers: [String: QAAnswer] = [:]
                    for question in card.questions {
                        let roll = next(10)
                        if roll == 0 { answers[question.id] = .notApplicable; continue }
                        switch question.kind {
                        case .yesNo: answers[question.id] = roll < 4 ? .no : .yes
                        case .scale(let max): answers[question.id] = .scale(next(max + 1))
                        }
                    }
                    cases.append(Case(card: card, answers: answers))
                }
            }
        }
        let json = String(decoding: try JSONEncoder().encode(cases), as: UTF8.self)
        let all = cases
        let browser = try await Chromium.launch()
        defer { browser.close() }
        try await QAFixture.with { qa in
            try await browser.withPage { page in
                try await page.navigate("\(qa.http)/qa.html")
                let loaded = try await page.waitFor("String(typeof QAScoring === 'object')", toBe: "true", timeout: .seconds(30))
                try #require(loaded == "true")
                let result = try await page.evaluate("JSON.stringify((\(json)).map(c => QAScoring.score(c.card, c.answers)))")
                let scores = try JSONDecoder().decode([PageScore].self, from: Data(result.utf8))
                try #require(scores.count == all.count)
                for (index, item) in all.enumerated() {
                    let engine = try QAScorer.score(item.answers, on: item.card)
                    let shown = scores[index]
                    let context = "seed \(firstSeed), case \(index), \(item.card.mode), answers \(item.answers)"
                    #expect(shown.complete, "\(context)")
                    #expect(shown.autoFailed == engine.autoFailed, "\(context)")
                    #expect(shown.passed == engine.passed, "\(context)")
                    #expect((shown.percent == nil) == (engine.percent == nil), "\(context)")
                    if let a = shown.percent, let b = engine.percent { #expect(abs(a - b) < 1e-9, "\(context)") }
                    if let a = shown.rawPercent, let b = engine.rawPercent { #expect(abs(a - b) < 1e-9, "\(context)") }
                }
            }
        }
    }
}
