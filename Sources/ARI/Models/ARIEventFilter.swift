import CTICore

/// Which event types Asterisk sends one Stasis application (`PUT /applications/{app}/eventFilter`,
/// Asterisk 13.26 and 16.3 on). An empty `allowed` list allows every type; a type in `disallowed`
/// is never sent, even when it is also allowed. Types are matched by exact, case-sensitive name.
public struct ARIEventFilter: Sendable, Hashable {
    /// Only these types are sent (all when empty).
    public var allowed: Set<String>
    /// These types are never sent.
    public var disallowed: Set<String>

    /// A filter value.
    public init(allowed: Set<String> = [], disallowed: Set<String> = []) {
        self.allowed = allowed
        self.disallowed = disallowed
    }

    /// Whether an event of `type` passes the filter.
    public func allows(_ type: String) -> Bool {
        if disallowed.contains(type) { return false }
        return allowed.isEmpty || allowed.contains(type)
    }

    /// The request body: `{"allowed":[{"type":"StasisStart"},…],"disallowed":[…]}`, types sorted.
    public var json: ARIJSON { .object(["allowed": .array(allowedEntries), "disallowed": .array(disallowedEntries)]) }

    /// `allowed` as Asterisk lists it (`events_allowed`): `{"type": …}` objects, sorted.
    public var allowedEntries: [ARIJSON] { Self.entries(allowed) }
    /// `disallowed` as Asterisk lists it (`events_disallowed`).
    public var disallowedEntries: [ARIJSON] { Self.entries(disallowed) }

    private static func entries(_ types: Set<String>) -> [ARIJSON] { types.sorted().map { .object(["type": .string($0)]) } }

    /// Asterisk's rules for a filter body, applied to the filter in force: an empty object clears
    /// both lists; a list given replaces that list; a list left out is kept. Throws for a body
    /// that is not an object, a list that is not an array, or an entry without a `type` string.
    public func updated(by body: ARIJSON) throws(ARIError) -> ARIEventFilter {
        guard case .object(let fields) = body else { throw ARIError(.badRequest, "an event filter must be a JSON object") }
        if fields.isEmpty { return ARIEventFilter() }
        var filter = self
        if let allowed = fields["allowed"] { filter.allowed = try Self.types(allowed, "allowed") }
        if let disallowed = fields["disallowed"] { filter.disallowed = try Self.types(disallowed, "disallowed") }
        return filter
    }

    /// The filter an application reports (`events_allowed`, `events_disallowed`), read back.
    public init(application: ARIApplication) throws(ARIError) {
        self.init(
            allowed: try Self.types(.array(application.eventsAllowed), "events_allowed"),
            disallowed: try Self.types(.array(application.eventsDisallowed), "events_disallowed"))
    }

    private static func types(_ list: ARIJSON, _ name: String) throws(ARIError) -> Set<String> {
        guard case .array(let entries) = list else { throw ARIError(.badRequest, "event filter '\(name)' must be an array") }
        var types: Set<String> = []
        for entry in entries {
            guard case .object(let fields) = entry, case .string(let type)? = fields["type"], !type.isEmpty else {
                throw ARIError(.badRequest, "every entry of event filter '\(name)' needs a non-empty \"type\"")
            }
            types.insert(type)
        }
        return types
    }
}
