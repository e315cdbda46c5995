import CTICore
import Testing

@Suite("Erlang C staffing (domain.md golden cases)")
struct ErlangCTests {
    struct Row: Sendable { let agents: Int, c: Double, sl: Double, asa: Double, occupancy: Double }

    static let table: [Row] = [
        Row(agents: 11, c: 0.6821, sl: 0.3896, asa: 122.8, occupancy: 0.9091),
        Row(agents: 12, c: 0.4494, sl: 0.6402, asa: 40.4, occupancy: 0.8333),
        Row(agents: 13, c: 0.2853, sl: 0.7956, asa: 17.1, occupancy: 0.7692),
        Row(agents: 14, c: 0.1741, sl: 0.8884, asa: 7.8, occupancy: 0.7143),
        Row(agents: 15, c: 0.1020, sl: 0.9415, asa: 3.7, occupancy: 0.6667),
    ]

    private func close(_ a: Double, _ b: Double, digits: Int) -> Bool {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (a * scale).rounded() == (b * scale).rounded()
    }

    @Test("100 calls per 30 min at AHT 180 s is 10 Erlangs, and the table matches", arguments: table)
    func goldenTable(row: Row) throws {
        let model = try ErlangC(calls: 100, intervalSeconds: 1800, averageHandleTime: 180)
        #expect(model.traffic == 10)
        let staffing = try model.staffing(agents: row.agents, threshold: 20)
        #expect(close(staffing.probabilityOfWaiting, row.c, digits: 4))
        #expect(close(staffing.serviceLevel, row.sl, digits: 4))
        #expect(close(staffing.averageSpeedOfAnswer, row.asa, digits: 1))
        #expect(close(staffing.occupancy, row.occupancy, digits: 4))
    }

    @Test("80/20 needs 14 agents; with 30 % shrinkage 20 are scheduled")
    func required() throws {
        let model = try ErlangC(calls: 100, intervalSeconds: 1800, averageHandleTime: 180)
        let staffing = try model.requiredAgents(target: 0.8, threshold: 20)
        #expect(staffing.agents == 14)
        #expect(try ErlangC.scheduled(agents: staffing.agents, shrinkage: 0.3) == 20)
    }

    @Test("A = 48, N = 55, T = 15 s, AHT 240 s: SL 0.8459, ASA 8.18 s")
    func golden18() throws {
        let model = try ErlangC(traffic: 48, averageHandleTime: 240)
        #expect(close(try model.serviceLevel(agents: 55, threshold: 15), 0.8459, digits: 4))
        #expect(close(try model.averageSpeedOfAnswer(agents: 55), 8.18, digits: 2))
    }

    @Test("N ≤ A has no steady state and is reported, not divided by zero")
    func noSteadyState() throws {
        let model = try ErlangC(traffic: 10, averageHandleTime: 180)
        #expect(throws: ErlangC.Problem.noSteadyState(agents: 10, traffic: 10)) { try model.serviceLevel(agents: 10, threshold: 20) }
        #expect(throws: ErlangC.Problem.self) { try model.averageSpeedOfAnswer(agents: 3) }
        #expect(throws: ErlangC.Problem.self) { try ErlangC(calls: -1, intervalSeconds: 1800, averageHandleTime: 180) }
        #expect(throws: ErlangC.Problem.self) { try ErlangC(calls: 1, intervalSeconds: 0, averageHandleTime: 180) }
        #expect(throws: ErlangC.Problem.self) { try model.requiredAgents(target: 1.2, threshold: 20) }
    }

    @Test("1,000 Erlangs works without overflow")
    func largeTraffic() throws {
        let model = try ErlangC(traffic: 1_000, averageHandleTime: 180)
        let staffing = try model.requiredAgents(target: 0.8, threshold: 20)
        #expect(staffing.agents > 1_000 && staffing.agents < 1_100)
        #expect(staffing.serviceLevel.isFinite && staffing.serviceLevel >= 0.8)
        let fewer = try model.serviceLevel(agents: staffing.agents - 1, threshold: 20)
        #expect(fewer < 0.8)
    }
}

@Suite("service-level variants (domain.md golden 15)")
struct ServiceLevelTests {
    // 1000 answered, 860 within 20 s; 60 abandoned: 20 within 20 s (10 of them under 5 s), 40 later.
    let counts = ServiceLevelCounts(answered: 1000, answeredWithinThreshold: 860, abandoned: 60, abandonedWithinThreshold: 20, shortAbandons: 10)

    private func percent(_ value: Double?) -> Double { ((value ?? -1) * 10_000).rounded() / 100 }

    @Test("every variant")
    func variants() {
        #expect(percent(counts.serviceLevel()) == 81.90)
        #expect(percent(counts.serviceLevel(.answeredAndAbandonedWithinOverOffered)) == 83.02)
        #expect(percent(counts.serviceLevel(.answeredOverAnswered)) == 86.00)
        #expect(percent(counts.serviceLevel(.answeredOverOffered)) == 81.13)
        #expect(percent(counts.serviceLevel(.answeredOverAnsweredAndLateAbandons)) == 82.69)
        #expect(percent(counts.serviceLevel(.answeredAndShortAbandonsOverOffered)) == 82.08)
        #expect(percent(counts.abandonRate(excludingShortAbandons: false)) == 5.66)
        #expect(percent(counts.abandonRate()) == 4.76)
    }

    @Test("no calls: no service level rather than a division by zero")
    func empty() {
        let none = ServiceLevelCounts(answered: 0, answeredWithinThreshold: 0, abandoned: 0, abandonedWithinThreshold: 0, shortAbandons: 0)
        for formula in ServiceLevelFormula.allCases { #expect(none.serviceLevel(formula) == nil) }
        #expect(none.abandonRate() == nil)
    }
}
