import Foundation

/// The real Asterisk 22 captures from `../shared/asterisk-captures`, copied under `Tests/Fixtures`.
public enum Fixtures {
    /// The folder holding the capture files.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The bytes of one capture file, exactly as recorded.
    public static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Every AMI capture (`ami-*.raw`).
    public static func amiCaptureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("ami-") && $0.hasSuffix(".raw") }
            .sorted()
    }
}
