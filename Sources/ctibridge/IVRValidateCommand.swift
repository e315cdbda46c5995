import ArgumentParser
import CTICore
import FlowYAML
import Foundation

/// `ctibridge ivr validate FILE`: checks a flow file and lists every problem.
struct IVRValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an IVR flow file (JSON or YAML) and list every problem.",
        discussion: """
            The format follows the extension (.json, .yaml, .yml); any other file is read as JSON when it starts with '{', else as YAML. \
            Exits 0 and prints a summary when the flow is valid; otherwise prints each problem and exits 1.
            """)

    @Argument(help: "The flow file (.json, .yaml or .yml).")
    var file: String

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            printError("\(file): cannot read the file (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        let flow: IVRFlow
        do {
            flow = try IVRFlow.decode(data, format: FlowDocumentFormat(path: file, contents: data))
        } catch {
            printError("\(file): malformed flow: \(error)")
            throw ExitCode.failure
        }
        let problems = FlowValidator.problems(in: flow)
        guard problems.isEmpty else {
            printError("\(file): flow '\(flow.id)' has \(problems.count) problem\(problems.count == 1 ? "" : "s"):")
            for problem in problems { printError("  - \(problem)") }
            throw ExitCode.failure
        }
        print("flow OK: \(summary(of: flow))")
    }

    private func summary(of flow: IVRFlow) -> String {
        var counts: [String: Int] = [:]
        for node in flow.nodes { counts[node.typeName, default: 0] += 1 }
        let kinds = IVRNode.typeNames.compactMap { name in counts[name].map { "\($0) \(name)" } }.joined(separator: ", ")
        return "'\(flow.id)' (\(flow.name)), \(flow.nodes.count) nodes starting at '\(flow.start)': \(kinds)"
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
