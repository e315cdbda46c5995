import CTICore
import Foundation

/// One message from the ARI events WebSocket: the common envelope and a typed payload.
///
/// Decoding is strict where Swagger says a field is required and lenient elsewhere: extra fields
/// are ignored, missing optional fields are nil, a missing required field or a wrong type is an
/// ``ARIError/Code/decoding`` error naming the field. A `type` this client does not model is kept
/// whole as ``Payload/unknown(_:)``, never dropped.
public struct ARIEvent: Codable, Sendable, Hashable {
    /// The event type, e.g. `StasisStart`.
    public var type: String
    /// The application the event was sent to.
    public var application: String
    /// When Asterisk raised it (`2026-11-22T18:02:04.507+0000`).
    public var timestamp: String
    /// The Asterisk instance (its entity id).
    public var asteriskID: String?
    /// What the event says.
    public var payload: Payload

    /// An event value.
    public init(type: String, application: String, timestamp: String, asteriskID: String? = nil, payload: Payload) {
        self.type = type
        self.application = application
        self.timestamp = timestamp
        self.asteriskID = asteriskID
        self.payload = payload
    }

    /// The typed content of an event.
    public enum Payload: Sendable, Hashable {
        case stasisStart(ARIStasisStart)
        case stasisEnd(ARIChannelOnly)
        case channelCreated(ARIChannelOnly)
        case channelStateChange(ARIChannelOnly)
        case channelConnectedLine(ARIChannelOnly)
        case channelUnhold(ARIChannelOnly)
        case channelHold(ARIChannelHold)
        case channelDtmfReceived(ARIChannelDtmfReceived)
        case channelHangupRequest(ARIChannelHangupRequest)
        case channelDestroyed(ARIChannelDestroyed)
        case channelVarset(ARIChannelVarset)
        case channelCallerID(ARIChannelCallerID)
        case channelDialplan(ARIChannelDialplan)
        case channelEnteredBridge(ARIChannelBridge)
        case channelLeftBridge(ARIChannelBridge)
        case bridgeCreated(ARIBridgeOnly)
        case bridgeDestroyed(ARIBridgeOnly)
        case dial(ARIDial)
        case playbackStarted(ARIPlaybackEvent)
        case playbackContinuing(ARIPlaybackEvent)
        case playbackFinished(ARIPlaybackEvent)
        case recordingStarted(ARIRecordingEvent)
        case recordingFinished(ARIRecordingEvent)
        case recordingFailed(ARIRecordingEvent)
        /// Another WebSocket registered this application name; this one gets no more events.
        case applicationReplaced
        case applicationRegistered
        case applicationUnregistered
        /// A type this client does not model: the whole JSON object, kept.
        case unknown(ARIJSON)
    }

    enum CodingKeys: String, CodingKey {
        case type, application, timestamp
        case asteriskID = "asterisk_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        application = try container.decode(String.self, forKey: .application)
        timestamp = try container.decode(String.self, forKey: .timestamp)
        asteriskID = try container.decodeIfPresent(String.self, forKey: .asteriskID)
        payload = try Payload(type: type, decoder: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        if case .unknown(let json) = payload {
            try json.encode(to: encoder)
            return
        }
        try payload.encodeBody(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(application, forKey: .application)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(asteriskID, forKey: .asteriskID)
    }

    /// Decodes one WebSocket text frame.
    public static func decode(_ text: String) throws(ARIError) -> ARIEvent {
        try decode(Data(text.utf8))
    }

    /// Decodes one WebSocket frame's bytes.
    public static func decode(_ data: Data) throws(ARIError) -> ARIEvent {
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(ARIEvent.self, from: data)
        } catch {
            // Parsed a second time only to name the type in the error.
            guard let type = try? decoder.decode(TypeOnly.self, from: data).type else {
                throw ARIError.decoding(error, what: "ARI event")
            }
            throw ARIError.decoding(error, what: "ARI event \(type)")
        }
    }

    private struct TypeOnly: Decodable { var type: String }

    /// The channel the event is mainly about, when it has one (the peer for `Dial`).
    public var channel: ARIChannel? {
        switch payload {
        case .stasisStart(let e): e.channel
        case .stasisEnd(let e), .channelCreated(let e), .channelStateChange(let e), .channelConnectedLine(let e), .channelUnhold(let e): e.channel
        case .channelHold(let e): e.channel
        case .channelDtmfReceived(let e): e.channel
        case .channelHangupRequest(let e): e.channel
        case .channelDestroyed(let e): e.channel
        case .channelVarset(let e): e.channel
        case .channelCallerID(let e): e.channel
        case .channelDialplan(let e): e.channel
        case .channelEnteredBridge(let e), .channelLeftBridge(let e): e.channel
        case .dial(let e): e.peer
        default: nil
        }
    }
}

extension ARIEvent.Payload {
    init(type: String, decoder: any Decoder) throws {
        switch type {
        case "StasisStart": self = .stasisStart(try .init(from: decoder))
        case "StasisEnd": self = .stasisEnd(try .init(from: decoder))
        case "ChannelCreated": self = .channelCreated(try .init(from: decoder))
        case "ChannelStateChange": self = .channelStateChange(try .init(from: decoder))
        case "ChannelConnectedLine": self = .channelConnectedLine(try .init(from: decoder))
        case "ChannelUnhold": self = .channelUnhold(try .init(from: decoder))
        case "ChannelHold": self = .channelHold(try .init(from: decoder))
        case "ChannelDtmfReceived": self = .channelDtmfReceived(try .init(from: decoder))
        case "ChannelHangupRequest": self = .channelHangupRequest(try .init(from: decoder))
        case "ChannelDestroyed": self = .channelDestroyed(try .init(from: decoder))
        case "ChannelVarset": self = .channelVarset(try .init(from: decoder))
        case "ChannelCallerId": self = .channelCallerID(try .init(from: decoder))
        case "ChannelDialplan": self = .channelDialplan(try .init(from: decoder))
        case "ChannelEnteredBridge": self = .channelEnteredBridge(try .init(from: decoder))
        case "ChannelLeftBridge": self = .channelLeftBridge(try .init(from: decoder))
        case "BridgeCreated": self = .bridgeCreated(try .init(from: decoder))
        case "BridgeDestroyed": self = .bridgeDestroyed(try .init(from: decoder))
        case "Dial": self = .dial(try .init(from: decoder))
        case "PlaybackStarted": self = .playbackStarted(try .init(from: decoder))
        case "PlaybackContinuing": self = .playbackContinuing(try .init(from: decoder))
        case "PlaybackFinished": self = .playbackFinished(try .init(from: decoder))
        case "RecordingStarted": self = .recordingStarted(try .init(from: decoder))
        case "RecordingFinished": self = .recordingFinished(try .init(from: decoder))
        case "RecordingFailed": self = .recordingFailed(try .init(from: decoder))
        case "ApplicationReplaced": self = .applicationReplaced
        case "ApplicationRegistered": self = .applicationRegistered
        case "ApplicationUnregistered": self = .applicationUnregistered
        default: self = .unknown(try ARIJSON(from: decoder))
        }
    }

    func encodeBody(to encoder: any Encoder) throws {
        switch self {
        case .stasisStart(let e): try e.encode(to: encoder)
        case .stasisEnd(let e), .channelCreated(let e), .channelStateChange(let e), .channelConnectedLine(let e), .channelUnhold(let e):
            try e.encode(to: encoder)
        case .channelHold(let e): try e.encode(to: encoder)
        case .channelDtmfReceived(let e): try e.encode(to: encoder)
        case .channelHangupRequest(let e): try e.encode(to: encoder)
        case .channelDestroyed(let e): try e.encode(to: encoder)
        case .channelVarset(let e): try e.encode(to: encoder)
        case .channelCallerID(let e): try e.encode(to: encoder)
        case .channelDialplan(let e): try e.encode(to: encoder)
        case .channelEnteredBridge(let e), .channelLeftBridge(let e): try e.encode(to: encoder)
        case .bridgeCreated(let e), .bridgeDestroyed(let e): try e.encode(to: encoder)
        case .dial(let e): try e.encode(to: encoder)
        case .playbackStarted(let e), .playbackContinuing(let e), .playbackFinished(let e): try e.encode(to: encoder)
        case .recordingStarted(let e), .recordingFinished(let e), .recordingFailed(let e): try e.encode(to: encoder)
        case .applicationReplaced, .applicationRegistered, .applicationUnregistered:
            _ = encoder.container(keyedBy: ARIEvent.CodingKeys.self)
        case .unknown(let json): try json.encode(to: encoder)
        }
    }

    /// The ARI `type` string for this payload (`nil` for ``unknown(_:)``, whose type is in the JSON).
    public var typeName: String? {
        switch self {
        case .stasisStart: "StasisStart"
        case .stasisEnd: "StasisEnd"
        case .channelCreated: "ChannelCreated"
        case .channelStateChange: "ChannelStateChange"
        case .channelConnectedLine: "ChannelConnectedLine"
        case .channelUnhold: "ChannelUnhold"
        case .channelHold: "ChannelHold"
        case .channelDtmfReceived: "ChannelDtmfReceived"
        case .channelHangupRequest: "ChannelHangupRequest"
        case .channelDestroyed: "ChannelDestroyed"
        case .channelVarset: "ChannelVarset"
        case .channelCallerID: "ChannelCallerId"
        case .channelDialplan: "ChannelDialplan"
        case .channelEnteredBridge: "ChannelEnteredBridge"
        case .channelLeftBridge: "ChannelLeftBridge"
        case .bridgeCreated: "BridgeCreated"
        case .bridgeDestroyed: "BridgeDestroyed"
        case .dial: "Dial"
        case .playbackStarted: "PlaybackStarted"
        case .playbackContinuing: "PlaybackContinuing"
        case .playbackFinished: "PlaybackFinished"
        case .recordingStarted: "RecordingStarted"
        case .recordingFinished: "RecordingFinished"
        case .recordingFailed: "RecordingFailed"
        case .applicationReplaced: "ApplicationReplaced"
        case .applicationRegistered: "ApplicationRegistered"
        case .applicationUnregistered: "ApplicationUnregistered"
        case .unknown: nil
        }
    }
}

extension ARIEvent {
    /// An event for `payload`, its `type` taken from the payload.
    public init(application: String, timestamp: String, asteriskID: String? = nil, _ payload: Payload) {
        self.init(type: payload.typeName ?? "Unknown", application: application, timestamp: timestamp, asteriskID: asteriskID, payload: payload)
    }
}
