import Foundation
import TestSupport
import Testing

/// `ctibridge ivr validate FILE` on YAML files, run as the built executable.
@Suite("ctibridge ivr validate with YAML files")
struct IVRValidateCommandTests {
    /// `ctibridge`, built next to the test bundle by `swift build --build-tests`.
    static var ctibridgePath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ctibridge").path
    }

    /// Runs `ctibridge ivr validate path` on a thread of its own; its exit status and its output (stdout and stderr).
    func validate(_ path: String) async throws -> (Int32, String) {
        let executable = Self.ctibridgePath
        try #require(FileManager.default.isExecutableFile(atPath: executable), "build ctibridge first: \(executable)")
        return try await offCooperativePool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["ivr", "validate", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }

    func write(_ text: String, as name: String) throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return (folder, file.path)
    }

    @Test("the YAML sample is OK; problems and YAML errors are listed with exit status 1")
    func validateYAML() async throws {
        let (status, output) = try await validate(samplesDirectory.appendingPathComponent("main-menu.yaml").path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("flow OK: 'main-menu'"))
        #expect(output.contains("19 nodes"))

        let (folder, broken) = try write("id: x\nstart: a\nnodes:\n  - {id: a, type: menu, prompts: [sound:m], options: {1: b}, fallback: z}\n", as: "broken.yml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (brokenStatus, brokenOutput) = try await validate(broken)
        #expect(brokenStatus == 1)
        #expect(brokenOutput.contains("flow 'x' has 2 problems"), "\(brokenOutput)")

        let (_, malformed) = try write("id: x\nstart: a\nnodes:\n  - {id: a, type: play, prompts: [sound:x], bargeIn: yes, next: a}\n", as: "flow")
        let (malformedStatus, malformedOutput) = try await validate(malformed)
        #expect(malformedStatus == 1)
        #expect(malformedOutput.contains("line 4, column"), "\(malformedOutput)")
        #expect(malformedOutput.contains("nodes[0].bargeIn"))
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: malformed).deletingLastPathComponent())
    }
}
