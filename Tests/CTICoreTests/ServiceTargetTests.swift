import CTICore
import Testing

@Suite("service targets and duration text")
struct ServiceTargetTests {
    @Test("durations", arguments: [
        ("90", 90.0), ("90s", 90), ("30m", 1800), ("1h", 3600), ("1h30m", 5400), ("250ms", 0.25), (" 20 ", 20), ("1.5m", 90),
    ])
    func durations(text: String, seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test("bad durations", arguments: ["", "m", "-5", "5x", "5 m", "abc", "30m-"])
    func badDurations(text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test("targets")
    func targets() {
        #expect(ServiceTarget(parsing: "80/20") == ServiceTarget(fraction: 0.8, thresholdSeconds: 20))
        #expect(ServiceTarget(parsing: "90/15s") == ServiceTarget(fraction: 0.9, thresholdSeconds: 15))
        #expect(ServiceTarget(parsing: "80/20")?.description == "80/20")
        for bad in ["80", "/20", "80/", "0/20", "100/20", "80/x", "80/20/1"] { #expect(ServiceTarget(parsing: bad) == nil, "\(bad)") }
    }
}
