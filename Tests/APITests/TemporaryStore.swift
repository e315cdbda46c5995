import Foundation
import Storage
import TestSupport

/// Runs `body` with a store on a fresh SQLite file in a temporary directory, removed afterwards.
/// Opening migrates synchronously, so it runs on a thread of its own, not on the cooperative pool.
func withTemporaryStore(_ name: String, _ body: (CTIStore) async throws -> Void) async throws {
    let directory = NSTemporaryDirectory() + "ctibridge-\(name)-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let configuration = try StorageConfiguration(path: directory + "/calls.sqlite", defaultCountry: "VN", fullSync: false)
    let store = try await offCooperativePool { try CTIStore.open(configuration) }
    defer { try? store.close() }
    try await body(store)
}
