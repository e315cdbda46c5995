import AMI
import NIOCore

/// A long AMI byte stream made from a real capture: its events repeated as ever new calls.
///
/// Every repetition shifts `Timestamp` values forward in time and gives `…Uniqueid` and
/// `…Linkedid` values new ids, so the stream reads like a busy Asterisk rather than one call
/// replayed byte for byte. It starts with the greeting and login response, like a session.
struct AMIStream {
    /// The whole stream.
    var bytes: [UInt8]
    /// How many `Event:` messages it holds.
    var events: Int

    /// What comes before the events on a real connection (as in the capture).
    static let sessionStart = Array(
        "Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n".utf8)

    /// Builds a stream of exactly `events` events from the `Event:` messages of `capture`.
    init(capture: [UInt8], events: Int) throws {
        let template = try EventTemplate(capture: capture)
        var bytes = Self.sessionStart
        bytes.reserveCapacity(Self.sessionStart.count + template.approximateBytesPerEvent * events + 4096)
        var written = 0
        var repetition = 0
        while written < events {
            written += template.write(repetition: repetition, limit: events - written, into: &bytes)
            repetition += 1
        }
        self.bytes = bytes
        self.events = written
    }
}

/// The capture's events, with the values each repetition rewrites marked.
struct EventTemplate {
    private enum Value {
        case fixed([UInt8])
        /// An id in a `…Uniqueid` / `…Linkedid` header.
        case id(String)
        /// `Timestamp`: whole seconds and the fraction as written.
        case timestamp(seconds: Int, fraction: [UInt8])
    }

    private struct Header {
        var prefix: [UInt8]
        var value: Value
    }

    /// Seconds between repetitions: longer than the capture, so calls do not overlap in time.
    private let shiftSeconds: Int
    private let events: [[Header]]
    private let ids: [String]
    /// Asterisk's `epoch.sequence` ids are renumbered; a repetition advances the sequence by this.
    private let sequenceStride: Int
    let approximateBytesPerEvent: Int

    struct NoEvents: Error, CustomStringConvertible {
        var description: String { "the capture holds no Event: messages" }
    }

    init(capture: [UInt8]) throws {
        var decoder = AMIFrameDecoder()
        var buffer = ByteBuffer(bytes: capture)
        var messages: [AMIMessage] = []
        while let frame = try decoder.decode(buffer: &buffer) {
            if case .message(let message) = frame, message.isEvent { messages.append(message) }
        }
        guard !messages.isEmpty else { throw NoEvents() }

        var ids: Set<String> = []
        var timestamps: [Int] = []
        events = messages.map { message in
            message.headers.map { header in
                let name = header.name.lowercased()
                let prefix = Array("\(header.name): ".utf8)
                if name.hasSuffix("uniqueid") || name.hasSuffix("linkedid") {
                    ids.insert(header.value)
                    return Header(prefix: prefix, value: .id(header.value))
                }
                if name == "timestamp", let dot = header.value.firstIndex(of: "."), let seconds = Int(header.value[..<dot]) {
                    timestamps.append(seconds)
                    return Header(prefix: prefix, value: .timestamp(seconds: seconds, fraction: Array(header.value[dot...].utf8)))
                }
                return Header(prefix: prefix, value: .fixed(Array(header.value.utf8)))
            }
        }
        self.ids = ids.sorted()
        sequenceStride = max(1, self.ids.filter { Self.epochSequence($0) != nil }.count)
        shiftSeconds = (timestamps.max() ?? 0) - (timestamps.min() ?? 0) + 5
        approximateBytesPerEvent = messages.map { $0.byteCount + 4 }.reduce(0, +) / messages.count
    }

    /// Appends up to `limit` events of repetition `repetition`; returns how many.
    func write(repetition: Int, limit: Int, into bytes: inout [UInt8]) -> Int {
        var newIDs: [String: [UInt8]] = [:]
        for id in ids { newIDs[id] = Array(renamed(id, repetition: repetition).utf8) }
        let count = min(limit, events.count)
        for event in events.prefix(count) {
            for header in event {
                bytes.append(contentsOf: header.prefix)
                switch header.value {
                case .fixed(let value):
                    bytes.append(contentsOf: value)
                case .id(let id):
                    bytes.append(contentsOf: newIDs[id]!)
                case .timestamp(let seconds, let fraction):
                    bytes.append(contentsOf: String(seconds + repetition * shiftSeconds).utf8)
                    bytes.append(contentsOf: fraction)
                }
                bytes.append(0x0D)
                bytes.append(0x0A)
            }
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        return count
    }

    /// A new id for repetition `repetition`: `epoch.sequence` ids move on in time and sequence,
    /// others (ids CTIBridge preset with ChannelId, bridge UUIDs) get a per-call suffix.
    private func renamed(_ id: String, repetition: Int) -> String {
        if let (epoch, sequence) = Self.epochSequence(id) {
            return "\(epoch + repetition * shiftSeconds).\(sequence + repetition * sequenceStride)"
        }
        return "\(id)-\(repetition)"
    }

    private static func epochSequence(_ id: String) -> (Int, Int)? {
        let parts = id.split(separator: ".")
        guard parts.count == 2, let epoch = Int(parts[0]), let sequence = Int(parts[1]) else { return nil }
        return (epoch, sequence)
    }
}
