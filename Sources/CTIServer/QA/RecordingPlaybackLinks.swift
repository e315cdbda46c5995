import Crypto
import Foundation

/// Short-lived, single-recording playback links for the browser's `<audio>` element, which
/// cannot send a bearer header: `POST /api/recordings/{id}/playback` (bearer token) issues
/// `/api/recordings/{id}/audio?grant=…`, and the audio route accepts that grant instead of the header.
///
/// A grant is `payload.mac` (base64url): the recording id, who asked (id, agent id, role) and the
/// expiry, signed with HMAC-SHA256 under a key that never leaves the server. It opens only that
/// recording, only until it expires, and the recording's access rules are checked again on every
/// request with the principal it names. The session token itself never appears in a URL.
public struct RecordingPlaybackLinks: Sendable {
    /// An issued link.
    public struct Link: Codable, Sendable, Hashable {
        /// Relative URL of the audio with the grant, for `<audio src>`.
        public var url: String
        public var expiresAt: Date

        public init(url: String, expiresAt: Date) {
            self.url = url
            self.expiresAt = expiresAt
        }
    }

    /// What a grant carries (short keys: it travels in a URL).
    struct Payload: Codable, Sendable, Hashable {
        /// Recording id.
        var rec: String
        /// User id, agent id and role of the principal the link was issued to.
        var uid: String
        var aid: String?
        var role: CTIRole
        /// Expiry, Unix seconds.
        var exp: Int64
    }

    private let key: SymmetricKey
    /// How long a link plays.
    public let lifetime: Duration
    let now: @Sendable () -> Date

    /// Links signed with `secret` when it has at least 32 bytes (shared by several servers), else
    /// with a fresh random key (links die with the process); valid for `lifetime`, timed by `now`.
    public init(secret: Data? = nil, lifetime: Duration = .seconds(600), now: @escaping @Sendable () -> Date = { Date() }) {
        if let secret, secret.count >= 32 {
            key = SymmetricKey(data: secret)
        } else {
            key = SymmetricKey(size: .bits256)
        }
        self.lifetime = lifetime
        self.now = now
    }

    /// A link to `recordingID` for `principal` (who must already be allowed to hear it).
    public func issue(recordingID: String, for principal: CTIPrincipal) -> Link {
        let expiry = Int64((now().timeIntervalSince1970 + Double(lifetime.components.seconds)).rounded(.up))
        let payload = Payload(rec: recordingID, uid: principal.userID, aid: principal.agentID, role: principal.role, exp: expiry)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = Self.base64URL((try? encoder.encode(payload)) ?? Data())
        let grant = body + "." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(Self.signed(body).utf8), using: key)))
        let path = recordingID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? recordingID
        return Link(url: "/api/recordings/\(path)/audio?grant=\(grant)", expiresAt: Date(timeIntervalSince1970: Double(expiry)))
    }

    /// The principal a grant was issued to, if it is genuine, unexpired and for `recordingID`:
    /// `unauthorized` when tampered with, malformed or expired, `forbidden` for another recording.
    public func principal(grant: String, recordingID: String) throws(QAServiceError) -> CTIPrincipal {
        let parts = grant.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let mac = Self.data(base64URL: String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(Self.signed(String(parts[0])).utf8), using: key),
            let json = Self.data(base64URL: String(parts[0])), let payload = try? JSONDecoder().decode(Payload.self, from: json)
        else {
            throw QAServiceError(.unauthorized, "the playback link is not valid; ask for a new one")
        }
        guard Double(payload.exp) > now().timeIntervalSince1970 else {
            throw QAServiceError(.unauthorized, "the playback link has expired; ask for a new one")
        }
        guard payload.rec == recordingID else { throw QAServiceError(.forbidden, "the playback link is for another recording") }
        return CTIPrincipal(userID: payload.uid, agentID: payload.aid, displayName: payload.uid, role: payload.role)
    }

    /// What the MAC covers: a purpose prefix, so the key signs nothing else by accident.
    private static func signed(_ body: String) -> String { "ctibridge-playback-v1." + body }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
