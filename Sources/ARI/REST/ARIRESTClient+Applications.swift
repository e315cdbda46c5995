import Foundation
import NIOHTTP1

extension ARIRESTClient {
    /// `GET /applications`.
    public func applications() async throws(ARIError) -> [ARIApplication] {
        try await json([ARIApplication].self, .GET, ["applications"])
    }

    /// `GET /applications/{app}`: what the app is subscribed to; the base of every resync.
    public func application(_ name: String) async throws(ARIError) -> ARIApplication {
        try await json(ARIApplication.self, .GET, ["applications", name])
    }

    /// `POST /applications/{app}/subscription`: subscribes to `channel:ID`, `bridge:ID`,
    /// `endpoint:TECH/RES` or `deviceState:NAME` sources (422 for an unknown source).
    public func subscribe(_ application: String, eventSources: [String]) async throws(ARIError) -> ARIApplication {
        try await json(ARIApplication.self, .POST, ["applications", application, "subscription"], query: [("eventSource", eventSources.joined(separator: ","))])
    }

    /// `DELETE /applications/{app}/subscription`.
    public func unsubscribe(_ application: String, eventSources: [String]) async throws(ARIError) -> ARIApplication {
        try await json(ARIApplication.self, .DELETE, ["applications", application, "subscription"], query: [("eventSource", eventSources.joined(separator: ","))])
    }

    /// `PUT /applications/{app}/eventFilter`: sets which event types Asterisk sends the application
    /// (both lists are sent, so both are replaced). Older Asterisk versions answer 404.
    public func setEventFilter(_ application: String, _ filter: ARIEventFilter) async throws(ARIError) -> ARIApplication {
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(filter.json))
        } catch {
            throw ARIError.decoding(error, what: "event filter")
        }
        return try await json(ARIApplication.self, .PUT, ["applications", application, "eventFilter"], jsonBody: body)
    }

    /// `GET /asterisk/info` (`only`: build, system, config, status).
    public func asteriskInfo(only: [String] = []) async throws(ARIError) -> ARIAsteriskInfo {
        let query: [(String, String)] = only.isEmpty ? [] : [("only", only.joined(separator: ","))]
        return try await json(ARIAsteriskInfo.self, .GET, ["asterisk", "info"], query: query)
    }
}
