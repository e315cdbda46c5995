import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization
import WSClient

/// Headless Chromium driven over the DevTools protocol: open a page, evaluate JavaScript, take screenshots.
public final class Chromium: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `chromium` binary, if installed.
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private let process: Mutex<Process>
    let profile: URL
    let devToolsPort: Int

    private init(process: sending Process, profile: URL, devToolsPort: Int) {
        self.process = Mutex(process)
        self.profile = profile
        self.devToolsPort = devToolsPort
    }

    /// Starts a headless browser with its own profile and waits for its DevTools endpoint.
    public static func launch(width: Int = 1440, height: Int = 900) async throws -> Chromium {
        guard let path else { throw Failure(description: "chromium is not installed") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cti-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=\(width),\(height)",
            "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Chromium writes its chosen port to DevToolsActivePort in the profile.
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        for _ in 0..<300 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
                let first = text.split(separator: "\n").first, let port = Int(first)
            {
                return Chromium(process: process, profile: profile, devToolsPort: port)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw Failure(description: "chromium did not open its DevTools port")
    }

    /// Stops the browser and removes its profile once it has exited. Returns at once: the wait is
    /// on a thread of its own, not on the cooperative pool the other tests share.
    public func close() {
        process.withLock { process in
            if process.isRunning { process.terminate() }
        }
        Thread {
            self.process.withLock { $0.waitUntilExit() }
            try? FileManager.default.removeItem(at: self.profile)
        }.start()
    }

    /// The WebSocket URL of the first page target.
    public func pageSocketURL() async throws -> String {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(devToolsPort)/json/list")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let targets = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
        guard let page = targets.first(where: { $0["type"] as? String == "page" }),
            let url = page["webSocketDebuggerUrl"] as? String
        else { throw Failure(description: "no page target") }
        return url
    }

    /// Connects to the page and runs `body` with a DevTools session.
    public func withPage(_ body: @escaping @Sendable (DevToolsPage) async throws -> Void) async throws {
        var configuration = WebSocketClientConfiguration()
        configuration.maxFrameSize = 1 << 26
        var logger = Logger(label: "cti.test.chromium")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: try await pageSocketURL(), configuration: configuration, logger: logger) { inbound, outbound, _ in
            let inbox = FrameInbox()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: 1 << 26) {
                            if case .text(let text) = message { await inbox.deliver(text) }
                        }
                    } catch {}
                    await inbox.finish()
                }
                try await body(DevToolsPage(inbox: inbox, outbound: outbound))
                group.cancelAll()
            }
        }
    }
}

/// One DevTools session on a page; commands are sent one at a time.
public actor DevToolsPage {
    let inbox: FrameInbox
    let outbound: WebSocketOutboundWriter
    private var nextID = 0

    init(inbox: FrameInbox, outbound: WebSocketOutboundWriter) {
        self.inbox = inbox
        self.outbound = outbound
    }

    /// Sends a command and returns its `result` object as JSON data.
    private func command(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        nextID += 1
        let id = nextID
        let text = String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "method": method, "params": params]), as: UTF8.self)
        try await outbound.write(.text(text))
        while let reply = try await inbox.next(timeout: .seconds(20)) {
            guard let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any],
                object["id"] as? Int == id
            else { continue }  // an event
            if let error = object["error"] { throw Chromium.Failure(description: "\(method): \(error)") }
            return object["result"] as? [String: Any] ?? [:]
        }
        throw Chromium.Failure(description: "DevTools closed")
    }

    public func navigate(_ url: String) async throws {
        _ = try await command("Page.navigate", ["url": url])
    }

    /// Evaluates `expression` in the page and returns its value as a string.
    public func evaluate(_ expression: String) async throws -> String {
        let result = try await command("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Chromium.Failure(description: "script failed: \(exception)") }
        let value = (result["result"] as? [String: Any])?["value"]
        return value.map { "\($0)" } ?? ""
    }

    /// Polls `expression` until it evaluates to `expected`; returns the last value seen.
    @discardableResult
    public func waitFor(_ expression: String, toBe expected: String, timeout: Duration = .seconds(10)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = (try? await evaluate(expression)) ?? ""
            if last == expected { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    /// A PNG of the viewport.
    public func screenshot() async throws -> Data {
        let result = try await command("Page.captureScreenshot", ["format": "png"])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Chromium.Failure(description: "no screenshot data")
        }
        return data
    }
}
