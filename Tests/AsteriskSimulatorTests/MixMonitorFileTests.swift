import AMI
import AsteriskSimulator
import Foundation
import Logging
import TestSupport
import Testing

@Suite("MixMonitor files of the AMI simulator")
struct MixMonitorFileTests {
    /// A simulator (not listening) writing MixMonitor files under a fresh folder, on a clock the test moves.
    static func simulator(_ folder: URL, clock: ManualClock) -> AMISimulator {
        var configuration = AMISimulatorConfiguration(users: ["ctibridge": "s3cret"])
        configuration.monitorDirectory = folder.appendingPathComponent("monitor", isDirectory: true)
        return AMISimulator(
            configuration: configuration, pbx: .demo(bootTime: .captureEpoch),
            clock: SimulationClock(clock, epoch: .captureEpoch), logger: Logger(label: "test.simulator"))
    }

    static func wavMilliseconds(_ data: Data) -> Int? {
        guard data.count >= 44, data.prefix(4) == Data("RIFF".utf8), data[8..<12] == Data("WAVE".utf8) else { return nil }
        let size = data[40..<44].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return size / 2 * 1000 / 8000
    }

    @Test("a relative file goes to the monitor directory; StopMixMonitor or hang-up writes a WAV as long as the recording")
    func writesWAVWhenTheRecordingEnds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sim-monitor-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let simulator = Self.simulator(folder, clock: clock)
        let monitor = folder.appendingPathComponent("monitor")
        simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
        #expect(simulator.perform { pbx, _ in pbx.startMixMonitor(channel: "cap-caller-1", file: "call-1.wav") })
        #expect(simulator.pbx.channels["cap-caller-1"]?.variables["MIXMONITOR_FILENAME"] == monitor.appendingPathComponent("call-1.wav").path)
        // Asterisk writes the file as it mixes; it is complete only once the recording stops.
        #expect(!FileManager.default.fileExists(atPath: monitor.appendingPathComponent("call-1.wav").path))
        clock.advance(by: .milliseconds(2_500))
        #expect(simulator.perform { pbx, _ in pbx.stopMixMonitor(channel: "cap-caller-1") } == true)
        let first = try Data(contentsOf: monitor.appendingPathComponent("call-1.wav"))
        #expect(Self.wavMilliseconds(first) == 2_500)

        // A recording still running when the caller hangs up ends with the channel.
        #expect(simulator.perform { pbx, _ in pbx.startMixMonitor(channel: "cap-caller-1", file: "sub/call-2.wav") })
        clock.advance(by: .milliseconds(1_200))
        #expect(simulator.perform { pbx, _ in pbx.hangup("cap-caller-1") })
        #expect(Self.wavMilliseconds(try Data(contentsOf: monitor.appendingPathComponent("sub/call-2.wav"))) == 1_200)
    }

    @Test("files outside the monitor directory, or not .wav, are not written; without a monitor directory nothing is")
    func writesOnlyInsideTheMonitorDirectory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sim-monitor-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let simulator = Self.simulator(folder, clock: clock)
        simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
        for file in [folder.appendingPathComponent("outside.wav").path, "../escape.wav", "call.gsm"] {
            simulator.perform { pbx, _ in pbx.startMixMonitor(channel: "cap-caller-1", file: file) }
            clock.advance(by: .milliseconds(300))
            simulator.perform { pbx, _ in _ = pbx.stopMixMonitor(channel: "cap-caller-1") }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outside.wav").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.wav").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("monitor").path).isEmpty)

        // The plain PBX keeps the default directory and only reports what ended.
        var pbx = SimulatedPBX.demo(bootTime: .captureEpoch)
        pbx.originate(CaptureScenario.originateRequest())
        pbx.startMixMonitor(channel: "cap-caller-1", file: "x.wav")
        _ = pbx.stopMixMonitor(channel: "cap-caller-1")
        #expect(pbx.drainRecordings().map(\.path) == ["/var/spool/asterisk/monitor/x.wav"])
        #expect(pbx.drainRecordings().isEmpty)
    }
}
