import Foundation

/// A file in the temporary directory, removed when the test is done with it.
struct TemporaryFile: ~Copyable {
    let path: String

    /// Writes `contents` to a fresh temporary file.
    init(_ contents: String, suffix: String = ".json") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cticonfig-\(UUID().uuidString)\(suffix)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A path that does not exist.
func missingPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cticonfig-missing-\(UUID().uuidString).json").path
}
