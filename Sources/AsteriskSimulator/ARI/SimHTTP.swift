import ARI
import Foundation

/// A request as the simulator's ARI handlers see it: method, path below `/ari`, query, body.
struct ARISimRequest: Sendable {
    var method: String
    var path: [String]
    var query: [(String, String)]
    var body: [UInt8]

    /// The first value of a query parameter.
    func first(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

    /// Every value of a list parameter, repeated (`a=1&a=2`) or comma-separated (`a=1,2`).
    func all(_ name: String) -> [String] {
        query.filter { $0.0 == name }.flatMap { $0.1.split(separator: ",").map(String.init) }
    }

    /// Parses `a=b&c=d` with percent-decoding.
    static func parseQuery(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).removingPercentEncoding ?? String(text) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// An answer: status, headers and body.
struct ARISimReply: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static let noContent = ARISimReply(status: 204)

    /// A JSON answer.
    static func json(_ value: some Encodable, status: Int = 200, headers: [(String, String)] = []) -> ARISimReply {
        let body = (try? JSONEncoder().encode(value)).map { Array($0) } ?? []
        return ARISimReply(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// Asterisk's error shape: `{"message": …}`.
    static func error(_ status: Int, _ message: String) -> ARISimReply {
        json(ARIErrorBody(message: message), status: status)
    }

    static let channelNotFound = error(404, "Channel not found")
    static let notInStasis = error(409, "Channel not in Stasis application")
    static let invalidState = error(412, "Channel in invalid state")
    static let bridgeNotFound = error(404, "Bridge not found")
    static let playbackNotFound = error(404, "Playback not found")
    static let recordingNotFound = error(404, "Recording not found")
}
