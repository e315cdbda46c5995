import Foundation

/// Runs `Benchmarks/peers/panoramisk_parse.py` (panoramisk's parser over the same bytes) and
/// reads back its result.
struct PanoramiskPeer {
    /// The driver's answer.
    struct Report: Decodable {
        var parser: String
        var events: Int
        var bytes: Int
        var seconds: Double
        var runs: [Double]
    }

    /// Why the peer could not be measured.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The interpreter with Debian's python3-panoramisk (not a pyenv python on PATH).
    var python: String
    /// The driver script.
    var script: String

    /// Parses the stream in `file` in chunks of `chunkSize` bytes, best of `runs`, timed by `clock` (cpu or wall).
    func measure(file: String, chunkSize: Int, runs: Int, clock: String) throws(Unavailable) -> Report {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Unavailable(description: "\(python) not found (apt-get install python3-panoramisk)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, file, "--chunk-size", String(chunkSize), "--runs", String(runs), "--clock", clock]
        let output = Pipe()
        process.standardOutput = output
        let data: Data
        do {
            try process.run()
            data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        } catch {
            throw Unavailable(description: "could not run \(python): \(error)")
        }
        if process.terminationStatus == 3 {
            let reason = (try? JSONDecoder().decode([String: String].self, from: data))?["error"] ?? "cannot be imported"
            throw Unavailable(description: "\(reason) (apt-get install python3-panoramisk)")
        }
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "\(script) exited with status \(process.terminationStatus)")
        }
        do {
            return try JSONDecoder().decode(Report.self, from: data)
        } catch {
            throw Unavailable(description: "unreadable output from \(script): \(String(decoding: data, as: UTF8.self))")
        }
    }
}
