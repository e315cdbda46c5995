/// Errors raised when the database file itself cannot be used.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not a SQLite database (or is damaged).
    case corrupt(path: String, reason: String)
    /// The file or its directory cannot be created or written.
    case unwritable(path: String, reason: String)
    /// The file was migrated by a newer CTIBridge than this one (`found`: its migrations).
    case newerSchema(path: String, found: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason): "database \(path) is not a usable SQLite file: \(reason)"
        case .unwritable(let path, let reason): "database \(path) cannot be opened for writing: \(reason)"
        case .newerSchema(let path, let found): "database \(path) was written by a newer CTIBridge (migrations: \(found))"
        }
    }
}
