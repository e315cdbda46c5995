import AMI

/// What one AMI connection to the simulator has negotiated.
struct AMISimulatorSession: Sendable {
    /// Logged in as this user, nil before login.
    var username: String?
    /// The challenge handed out by `Action: Challenge`.
    var challenge: String?
    /// Event classes this session receives: nil = all (`on`), empty = none (`off`).
    var eventMask: Set<String>? = nil

    var isAuthenticated: Bool { username != nil }

    /// Reads an `Events:`/`EventMask:` value: `on`, `off`, or a list of classes.
    static func mask(_ value: String?) -> Set<String>? {
        guard let value = value?.lowercased().trimmingCharacters(in: " ") else { return nil }
        switch value {
        case "", "on", "yes", "true", "all": return nil
        case "off", "no", "false": return []
        default: return Set(value.split(separator: ",").map { String($0).trimmingCharacters(in: " ") })
        }
    }

    /// Whether an async event with this `Privilege` value reaches the session.
    func accepts(_ event: AMIMessage) -> Bool {
        guard isAuthenticated else { return false }
        guard let mask = eventMask else { return true }
        guard !mask.isEmpty else { return false }
        let classes = (event.rawValue("Privilege") ?? "").lowercased().split(separator: ",").map(String.init)
        return classes.contains { $0 != "all" && mask.contains($0) }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
