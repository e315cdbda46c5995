import CTICore

/// What one simulated caller presses at each node of the sample main-menu flow.
enum IVRCaller {
    /// Keys for one answer at `node`: a menu choice, a language, a survey score, or a whole entry.
    static func keys(at node: String?, random: inout BenchmarkRandom) -> [DTMFDigit] {
        switch node {
        case "language":
            return digits(random.chance(0.8) ? "1" : "2")
        case "main":
            let draw = random.unit()
            let choice = draw < 0.35 ? "1" : draw < 0.6 ? "2" : draw < 0.7 ? "3" : draw < 0.8 ? "9" : draw < 0.85 ? "0" : "7"
            return digits(choice)
        case "account":
            if random.chance(0.1) { return digits("123#") }  // too short: rejected once, then retried
            var entry = ""
            for _ in 0..<8 { entry += String(random.int(0..<10)) }
            return digits(entry + "#")
        case "survey":
            return digits(String(random.chance(0.95) ? random.int(1..<6) : 8))
        case "after-hours":
            return digits(random.chance(0.6) ? "1" : "2")
        default:
            return digits(String(random.int(0..<10)))
        }
    }

    static func digits(_ text: String) -> [DTMFDigit] { text.compactMap { DTMFDigit($0) } }

    /// Nodes whose prompt a caller may interrupt with the answer.
    static func readsKeys(_ node: String?) -> Bool {
        node == "language" || node == "main" || node == "account" || node == "survey" || node == "after-hours"
    }
}
