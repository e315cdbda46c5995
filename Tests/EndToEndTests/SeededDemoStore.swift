import CTIDemo
import Foundation
import Storage

/// The demo site's data, seeded once per test run. Seeding hashes every demo user's password
/// (PBKDF2, slow on purpose), so each test starts from a copy of one seeded file instead.
enum SeededDemoStore {
    private static let template = Task<String, any Error> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-template-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("seeded.sqlite").path
        let store = try await DemoAssembly.store(path: path)
        // Closing the last connection checkpoints the write-ahead log into the main file.
        try store.close()
        return path
    }

    /// The demo store at `path`: a copy of the seeded template when no file is there yet, else the
    /// file as it is (a restarted service keeps its data).
    static func open(path: String) async throws -> CTIStore {
        if !FileManager.default.fileExists(atPath: path) {
            let template = try await template.value
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
                try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
            }
        }
        return try await DemoAssembly.store(path: path)
    }
}
