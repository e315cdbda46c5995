import AMI

/// Response shapes of manager.c: `Response:`, then `ActionID:` (only when the action had a
/// non-empty one), then `Message:`.
enum AMIResponses {
    static func response(to action: AMIMessage, _ status: String, message: String? = nil) -> AMIMessage {
        var reply = AMIMessage()
        reply.append("Response", status)
        appendActionID(of: action, to: &reply)
        if let message { reply.append("Message", message) }
        return reply
    }

    static func success(_ action: AMIMessage, _ message: String? = nil) -> AMIMessage { response(to: action, "Success", message: message) }

    static func error(_ action: AMIMessage, _ message: String) -> AMIMessage { response(to: action, "Error", message: message) }

    /// An error for a request that could not be read at all (no ActionID to echo).
    static func error(_ message: String) -> AMIMessage { AMIMessage(["Response": "Error", "Message": message]) }

    /// Whether a header value is true the way `ast_true` reads it (`yes`, `true`, `y`, `t`, `1`, `on`).
    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["yes", "true", "y", "t", "1", "on"].contains(value.trimmingBlanks().lowercased())
    }

    static func appendActionID(of action: AMIMessage, to message: inout AMIMessage) {
        if let id = action.rawValue("ActionID"), !id.isEmpty { message.append("ActionID", id) }
    }

    /// An event list: the start response, the items, and the `…Complete` event with `ListItems`.
    static func list(_ action: AMIMessage, _ message: String, _ items: [AMIMessage], complete: String) -> [AMIMessage] {
        var start = success(action)
        start.append("EventList", "start")
        start.append("Message", message)
        var end = AMIMessage()
        end.append("Event", complete)
        appendActionID(of: action, to: &end)
        end.append("EventList", "Complete")
        end.append("ListItems", String(items.count))
        return [start] + items + [end]
    }
}

extension AMIMessage {
    /// The first value of a request header exactly as sent (Asterisk does not unescape requests).
    func header(_ name: String) -> String? { rawValue(name) }

    /// The first non-empty value of a request header.
    func nonEmptyHeader(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() && !$0.value.isEmpty }?.value
    }

    /// Every value of a repeated request header, as sent.
    func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}
