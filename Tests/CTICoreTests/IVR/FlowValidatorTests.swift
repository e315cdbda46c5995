import CTICore
import Foundation
import Testing

@Suite("IVR flow validator")
struct FlowValidatorTests {
    /// A valid flow to break one rule at a time: welcome → menu (1 queue, 2 collect) → hang-up fallback.
    static func base(extraNodes: [String] = [], replacing: [(String, String)] = [], start: String = "welcome") -> String {
        let nodes = [
            #"{ "id": "welcome", "type": "play", "prompts": ["sound:welcome"], "next": "menu" }"#,
            #"{ "id": "menu", "type": "menu", "prompts": ["sound:menu"], "options": { "1": "queue", "2": "acct" }, "fallback": "bye" }"#,
            ##"{ "id": "acct", "type": "collect", "prompts": ["sound:acct"], "variable": "account", "minLength": 4, "maxLength": 8, "terminator": "#", "next": "queue", "fallback": "bye" }"##,
            #"{ "id": "queue", "type": "queue", "queue": "support", "skills": { "billing": 3 } }"#,
            #"{ "id": "bye", "type": "hangup" }"#,
        ] + extraNodes
        var text = #"{ "id": "test", "start": "\#(start)", "nodes": [\#(nodes.joined(separator: ",\n"))] }"#
        for (old, new) in replacing {
            #expect(text.contains(old), "test fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func problems(_ json: String) throws -> [FlowProblem] {
        FlowValidator.problems(in: try IVRFlow.decode(json: Data(json.utf8)))
    }

    @Test("the base flow and the shipped samples have no problems")
    func validFlows() throws {
        #expect(try Self.problems(Self.base()) == [])
        let samples = try FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path).filter { $0.hasSuffix(".json") }
        #expect(samples.count >= 2)
        for sample in samples {
            #expect(FlowValidator.problems(in: try sampleFlow(sample)) == [], "\(sample)")
        }
    }

    struct Rule: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let code: FlowProblem.Code
        let node: String?
        let mentions: String
        var testDescription: String { name }
    }

    static let rules: [Rule] = [
        Rule(name: "missing start", json: base(start: ""), code: .missingStart, node: nil, mentions: "no start"),
        Rule(name: "unknown start", json: base(start: "nope"), code: .missingStart, node: nil, mentions: "'nope'"),
        Rule(name: "duplicate id", json: base(extraNodes: [#"{ "id": "bye", "type": "hangup" }"#]), code: .duplicateNodeID, node: "bye", mentions: "#5 and #6"),
        Rule(name: "node without id", json: base(extraNodes: [#"{ "type": "hangup" }"#]), code: .missingNodeID, node: nil, mentions: "#6"),
        Rule(name: "unknown target", json: base(replacing: [(#""2": "acct""#, #""2": "acount""#)]), code: .unknownTarget, node: "menu", mentions: "option 2 → 'acount'"),
        Rule(name: "missing target", json: base(replacing: [(#", "fallback": "bye" },"#, " },")]), code: .missingTarget, node: "menu", mentions: "'fallback'"),
        Rule(name: "unreachable node", json: base(extraNodes: [#"{ "id": "orphan", "type": "hangup" }"#]), code: .unreachable, node: "orphan", mentions: "start node"),
        Rule(
            name: "loop with no exit",
            json: base(replacing: [(#""1": "queue", "2": "acct" }, "fallback": "bye""#, #""1": "welcome" }, "fallback": "welcome""#), (#""next": "queue", "fallback": "bye""#, #""next": "menu", "fallback": "menu""#)]),
            code: .loopWithoutExit, node: "welcome", mentions: "'welcome' → 'menu'"),
        Rule(
            name: "instant loop",
            json: base(
                extraNodes: [#"{ "id": "a", "type": "set_variable", "variables": { "x": "1" }, "next": "b" }"#,
                             #"{ "id": "b", "type": "time_condition", "timeZone": "UTC", "schedule": { "monday": [{ "from": "00:00", "to": "24:00" }] }, "open": "queue", "closed": "a" }"#],
                replacing: [(#""next": "menu" }"#, #""next": "a" }"#), (#""1": "queue""#, #""1": "welcome""#)]),
            code: .instantLoop, node: "a", mentions: "'a' → 'b'"),
        Rule(name: "missing prompts", json: base(replacing: [(#"["sound:welcome"]"#, "[]")]), code: .missingPrompts, node: "welcome", mentions: "hear nothing"),
        Rule(name: "bad prompt", json: base(replacing: [(#""sound:welcome""#, #""welcome.wav""#)]), code: .badPrompt, node: "welcome", mentions: "'welcome.wav'"),
        Rule(name: "bad digit key", json: base(replacing: [(#""2": "acct""#, #""12": "acct""#)]), code: .badDigitKey, node: "menu", mentions: "'12'"),
        Rule(name: "menu without options", json: base(replacing: [(#"{ "1": "queue", "2": "acct" }"#, "{}")]), code: .badDigitKey, node: "menu", mentions: "no digits"),
        Rule(name: "bad terminator", json: base(replacing: [(##""terminator": "#""##, ###""terminator": "##""###)]), code: .badDigitKey, node: "acct", mentions: "'##'"),
        Rule(name: "min above max", json: base(replacing: [(#""minLength": 4"#, #""minLength": 9"#)]), code: .badLength, node: "acct", mentions: "minLength 9"),
        Rule(name: "max zero", json: base(replacing: [(#""minLength": 4, "maxLength": 8"#, #""minLength": 0, "maxLength": 0"#)]), code: .badLength, node: "acct", mentions: "maxLength 0"),
        Rule(name: "negative timeout", json: base(replacing: [(#""options":"#, #""timeout": -2, "options":"#)]), code: .badTimeout, node: "menu", mentions: "timeout -2"),
        Rule(name: "overall shorter than first digit", json: base(replacing: [(##""terminator": "#""##, ##""terminator": "#", "overallTimeout": 2"##)]), code: .badTimeout, node: "acct", mentions: "overallTimeout"),
        Rule(name: "too many retries", json: base(replacing: [(#""options":"#, #""maxRetries": 11, "options":"#)]), code: .badRetries, node: "menu", mentions: "11"),
        Rule(name: "bad variable", json: base(replacing: [(#""variable": "account""#, #""variable": "9lives""#)]), code: .badVariable, node: "acct", mentions: "'9lives'"),
        Rule(name: "skill level", json: base(replacing: [(#""billing": 3"#, #""billing": 11"#)]), code: .badValue, node: "queue", mentions: "level 11"),
        Rule(name: "queue without id", json: base(replacing: [(#""queue": "support""#, #""queue": """#)]), code: .missingField, node: "queue", mentions: "no queue"),
        Rule(name: "hang-up reason", json: base(replacing: [(#""type": "hangup""#, #""type": "hangup", "reason": "angry""#)]), code: .badValue, node: "bye", mentions: "'angry'"),
        Rule(name: "bad flow language", json: base(replacing: [(#""start""#, #""settings": { "language": "English" }, "start""#)]), code: .badLanguage, node: nil, mentions: "'English'"),
        Rule(name: "no nodes", json: #"{ "id": "empty", "start": "x", "nodes": [] }"#, code: .missingField, node: nil, mentions: "no nodes"),
    ]

    @Test("each rule is reported with its code, node and a clear message", arguments: rules)
    func rule(_ rule: Rule) throws {
        let problems = try Self.problems(rule.json)
        let match = problems.first { $0.code == rule.code && $0.nodeID == rule.node }
        #expect(match != nil, "expected \(rule.code) at \(rule.node ?? "flow"), got \(problems)")
        #expect(match?.message.contains(rule.mentions) == true, "\(match?.message ?? "") should mention \(rule.mentions)")
    }

    static func timeCondition(_ fields: String) -> String {
        base(
            extraNodes: [#"{ "id": "hours", "type": "time_condition", \#(fields), "open": "menu", "closed": "bye" }"#],
            replacing: [(#""next": "menu" }"#, #""next": "hours" }"#)])
    }

    @Test("bad schedules: times, empty and overlapping ranges, days, holidays, time zones", arguments: [
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "8:00", "to": "17:00" }] }"#, FlowProblem.Code.badSchedule, "'8:00'"),
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "08:00", "to": "25:00" }] }"#, .badSchedule, "'25:00'"),
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "09:00", "to": "09:00" }] }"#, .badSchedule, "empty or backwards"),
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "22:00", "to": "06:00" }] }"#, .badSchedule, "across midnight"),
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "08:00", "to": "12:00" }, { "from": "11:30", "to": "17:00" }] }"#, .badSchedule, "overlap"),
        (#""timeZone": "Europe/Berlin", "schedule": { "funday": [{ "from": "08:00", "to": "12:00" }] }"#, .badSchedule, "'funday'"),
        (#""timeZone": "Europe/Berlin", "schedule": {}"#, .badSchedule, "no open ranges"),
        (#""timeZone": "Europe/Berlin", "schedule": { "monday": [{ "from": "08:00", "to": "12:00" }] }, "holidays": ["2026-02-30"]"#, .badSchedule, "'2026-02-30'"),
        (#""timeZone": "Europe/Berlni", "schedule": { "monday": [{ "from": "08:00", "to": "12:00" }] }"#, .unknownTimeZone, "'Europe/Berlni'"),
        (#""schedule": { "monday": [{ "from": "08:00", "to": "12:00" }] }"#, .unknownTimeZone, "no timeZone"),
    ])
    func schedules(fields: String, code: FlowProblem.Code, mentions: String) throws {
        let problems = try Self.problems(Self.timeCondition(fields))
        #expect(problems.contains { $0.code == code && $0.nodeID == "hours" && $0.message.contains(mentions) }, "got \(problems)")
    }

    @Test("a valid schedule passes")
    func validSchedule() throws {
        let fields = #""timeZone": "America/New_York", "schedule": { "Monday": [{ "from": "08:00", "to": "12:00" }, { "from": "12:00", "to": "24:00" }] }, "holidays": ["2028-02-29"]"#
        #expect(try Self.problems(Self.timeCondition(fields)) == [])
    }

    @Test("every problem is reported at once, not just the first")
    func everyProblemAtOnce() throws {
        let json = Self.base(
            extraNodes: [#"{ "id": "orphan", "type": "play", "prompts": [], "next": "ghost" }"#],
            replacing: [(#""2": "acct""#, #""2": "acct", "x": "queue""#), (#""variable": "account""#, #""variable": "bad name""#)])
        let problems = try Self.problems(json)
        let found = Set(problems.map { "\($0.code):\($0.nodeID ?? "")" })
        #expect(found.isSuperset(of: [
            "badDigitKey:menu", "badVariable:acct", "missingPrompts:orphan", "unknownTarget:orphan", "unreachable:orphan",
        ]))
        #expect(problems.allSatisfy { !$0.message.isEmpty })
        #expect(throws: FlowValidationError.self) { try FlowValidator.validate(IVRFlow.decode(json: Data(json.utf8))) }
    }
}
