import ArgumentParser
import Foundation

/// The `cti-load-driver` process as `cti-load` sees it: started with the same options, told where
/// the service listens, and read line by line. Lines starting with `@` are its signals; the rest
/// is its report, printed as it comes.
final class CTILoadDriverProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    private nonisolated(unsafe) var lines: AsyncStream<String>.AsyncIterator
    /// Yields the driver's exit status once it has ended.
    private let ended: AsyncStream<Int32>

    init(options: CTILoadOptions, directory: String, password: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["cti-load-driver"] + options.arguments + ["--directory", directory]
        process.environment = ProcessInfo.processInfo.environment.merging([CTILoadDriver.passwordVariable: password]) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        lines = LineStream.lines(of: stdout.fileHandleForReading).makeAsyncIterator()
        input = stdin.fileHandleForWriting
        let (exit, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { ended in
            exited.yield(ended.terminationStatus)
            exited.finish()
        }
        self.ended = exit
        try process.run()
        self.process = process
    }

    /// Prints the driver's lines until its signal `prefix` comes, and returns the rest of that line.
    func next(_ prefix: String) async throws -> String {
        while let line = await lines.next() {
            if line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
            print(line)
        }
        throw ValidationError("the load driver ended before \(prefix.trimmingCharacters(in: .whitespaces)) (status \(process.isRunning ? "running" : String(process.terminationStatus)))")
    }

    func send(_ line: String) { LineStream.write(line, to: input) }

    /// Closes the driver's input, which ends it, and waits for it (without blocking a thread).
    func finish() async {
        try? input.close()
        for await _ in ended {}
    }

    /// Stops the driver if it still runs (an error ended the benchmark early).
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
