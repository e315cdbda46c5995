/// AMI permission classes (`read`/`write` in manager.conf, `Privilege:` on events, `Events:` masks).
public struct AMIPermission: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    // The classes, in manager.h's order.
    public static let system = AMIPermission(rawValue: 1 << 0)
    public static let call = AMIPermission(rawValue: 1 << 1)
    public static let log = AMIPermission(rawValue: 1 << 2)
    public static let verbose = AMIPermission(rawValue: 1 << 3)
    public static let command = AMIPermission(rawValue: 1 << 4)
    public static let agent = AMIPermission(rawValue: 1 << 5)
    public static let user = AMIPermission(rawValue: 1 << 6)
    public static let config = AMIPermission(rawValue: 1 << 7)
    public static let dtmf = AMIPermission(rawValue: 1 << 8)
    public static let reporting = AMIPermission(rawValue: 1 << 9)
    public static let cdr = AMIPermission(rawValue: 1 << 10)
    public static let dialplan = AMIPermission(rawValue: 1 << 11)
    public static let originate = AMIPermission(rawValue: 1 << 12)
    public static let agi = AMIPermission(rawValue: 1 << 13)
    public static let cc = AMIPermission(rawValue: 1 << 14)
    public static let aoc = AMIPermission(rawValue: 1 << 15)
    public static let security = AMIPermission(rawValue: 1 << 16)
    public static let message = AMIPermission(rawValue: 1 << 17)
    /// Every class.
    public static let all = AMIPermission(rawValue: (1 << 18) - 1)

    /// Class names as manager.conf spells them.
    static let names: [(String, AMIPermission)] = [
        ("system", .system), ("call", .call), ("log", .log), ("verbose", .verbose), ("command", .command),
        ("agent", .agent), ("user", .user), ("config", .config), ("dtmf", .dtmf), ("reporting", .reporting),
        ("cdr", .cdr), ("dialplan", .dialplan), ("originate", .originate), ("agi", .agi), ("cc", .cc),
        ("aoc", .aoc), ("security", .security), ("message", .message),
    ]

    /// Reads a manager.conf class list (`system,call`), `all`, or an `Events:` value
    /// (`on`/`yes`/`true` for all, `off`/`no`/`false` for none), as Asterisk's `strings_to_mask` does.
    public init(parsing text: String) {
        let trimmed = text.trimmingBlanks().lowercased()
        switch trimmed {
        case "on", "yes", "true", "y", "t", "1", "all": self = .all
        case "off", "no", "false", "n", "f", "0", "", "none": self = []
        default:
            var mask: AMIPermission = []
            for word in trimmed.split(separator: ",") {
                let name = String(word).trimmingBlanks()
                if name == "all" { mask = .all }
                if let entry = Self.names.first(where: { $0.0 == name }) { mask.insert(entry.1) }
            }
            self = mask
        }
    }

    /// The class of an event from its `Privilege:` value (`call,all` → `.call`); empty when absent.
    init(privilege: String) {
        var mask: AMIPermission = []
        for word in privilege.lowercased().split(separator: ",") where word != "all" {
            if let entry = Self.names.first(where: { $0.0 == word }) { mask.insert(entry.1) }
        }
        self = mask
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
