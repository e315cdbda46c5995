/// One `[user]` of the simulated manager.conf: its secret and permissions. The secret is never printed.
public struct AMISimulatorUser: Sendable, Hashable, CustomStringConvertible {
    /// The secret for plain and MD5 login.
    public var secret: String
    /// Event classes the user may receive (`read=`).
    public var read: AMIPermission
    /// Action classes the user may run (`write=`).
    public var write: AMIPermission

    /// A user; by default with every permission.
    public init(secret: String, read: AMIPermission = .all, write: AMIPermission = .all) {
        self.secret = secret
        self.read = read
        self.write = write
    }

    public var description: String { "AMISimulatorUser(secret: <redacted>, read: \(read.rawValue), write: \(write.rawValue))" }
}
