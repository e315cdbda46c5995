import Foundation
import Logging

/// MixMonitor files: when a recording ends, a WAV of its length is written under the configured
/// monitor directory, as Asterisk closes the file it mixed into.
extension AMISimulator {
    /// Writes the files of `recordings` that are `.wav` files inside ``AMISimulatorConfiguration/monitorDirectory``.
    func writeRecordings(_ recordings: [SimRecording]) {
        guard let directory = configuration.monitorDirectory, !recordings.isEmpty else { return }
        let root = directory.standardizedFileURL.path
        for recording in recordings {
            let url = URL(fileURLWithPath: recording.path).standardizedFileURL
            guard url.path.hasPrefix(root + "/"), url.pathExtension.lowercased() == "wav" else {
                logger.warning("MixMonitor file not written", metadata: ["simulator.file": "\(recording.path)"])
                continue
            }
            let milliseconds = Int(recording.duration.components.seconds * 1000 + recording.duration.components.attoseconds / 1_000_000_000_000_000)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(WAVFile.tone(milliseconds: min(max(milliseconds, 100), 60_000))).write(to: url)
            } catch {
                logger.warning("could not write the MixMonitor file", metadata: ["simulator.file": "\(recording.path)", "error": "\(error)"])
            }
        }
    }
}
