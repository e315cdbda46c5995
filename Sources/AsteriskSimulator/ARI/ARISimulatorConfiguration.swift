import Foundation

/// How the simulated ARI side behaves: who may log in, where recordings go, and its timings.
public struct ARISimulatorConfiguration: Sendable {
    /// The ari.conf user.
    public var username: String
    /// The user's password.
    public var password: String
    /// Address to bind (keep it on loopback).
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one. After the first start a restart reuses the bound port.
    public var port: Int = 0
    /// Where bridge recordings are written as WAV files (Asterisk's `recording` directory).
    public var recordingsDirectory: URL
    /// How long each media URI of a playback lasts.
    public var mediaDuration: Duration = .milliseconds(300)
    /// Delay from `PlaybackStarted`-worthy moments and originate answers to their events.
    public var eventDelay: Duration = .milliseconds(10)
    /// How long an originated channel rings before it answers.
    public var answerDelay: Duration = .milliseconds(50)
    /// Sounds that do not exist: a playback of them finishes in state `failed`. Any `sound:` name
    /// starting with `no-such` is missing too.
    public var missingSounds: Set<String> = []
    /// The `asterisk_id` of events.
    public var asteriskID: String = "02:fc:00:00:00:01"

    /// A configuration with these credentials, recording under `recordingsDirectory`.
    public init(username: String = "ctibridge", password: String = "secret", recordingsDirectory: URL) {
        self.username = username
        self.password = password
        self.recordingsDirectory = recordingsDirectory
    }

    func isMissing(_ media: String) -> Bool {
        guard media.hasPrefix("sound:") else { return false }
        let name = String(media.dropFirst("sound:".count))
        return name.hasPrefix("no-such") || missingSounds.contains(name)
    }
}
