import CTICore
import Foundation
import GRDB

/// CTIBridge's embedded database: one SQLite file in WAL mode, migrated on open, and the
/// repositories over it. Sendable; share one store across the process.
public struct CTIStore: Sendable {
    public let configuration: StorageConfiguration
    public let customers: SQLiteCustomerRepository
    public let interactions: SQLiteInteractionRepository
    public let tickets: SQLiteTicketRepository
    public let users: SQLiteUserRepository
    public let audit: SQLiteAuditLog
    public let outbox: SQLiteWebhookOutbox
    public let ivrOutcomes: SQLiteIVROutcomeRepository
    public let recordings: SQLiteRecordingIndex
    public let scorecards: SQLiteScorecardRepository
    public let evaluations: SQLiteEvaluationRepository
    public let calibrations: SQLiteCalibrationRepository
    /// The screen-pop's read of a caller's customer, open tickets and last calls.
    public let callerContext: SQLiteCallerContext
    /// The underlying pool, for tools and tests that need raw SQL.
    public let database: DatabasePool

    /// Opens (creating if needed) and migrates the database at `configuration.path`.
    ///
    /// - Throws: `StorageError.corrupt` for a file that is not a usable SQLite database,
    ///   `.unwritable` when the file or directory cannot be written, `.newerSchema` when a newer
    ///   CTIBridge migrated the file.
    public static func open(_ configuration: StorageConfiguration) throws(StorageError) -> CTIStore {
        let path = configuration.path
        let pool: DatabasePool
        do {
            var options = Configuration()
            options.foreignKeysEnabled = true
            options.busyMode = .timeout(10)
            let fullSync = configuration.fullSync
            options.prepareDatabase { db in
                try db.execute(sql: fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: options)
            try pool.write { db in
                // Reading the schema fails here for a file that is not a database.
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            }
        } catch {
            throw classify(error, path: path)
        }
        let migrator = Schema.migrator
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                throw StorageError.newerSchema(path: path, found: applied.sorted().joined(separator: ","))
            }
            try migrator.migrate(pool)
        } catch let error as StorageError {
            throw error
        } catch {
            throw classify(error, path: path)
        }
        return CTIStore(pool: pool, configuration: configuration)
    }

    private init(pool: DatabasePool, configuration: StorageConfiguration) {
        self.database = pool
        self.configuration = configuration
        let context = StoreContext(pool: pool, configuration: configuration)
        customers = SQLiteCustomerRepository(context: context)
        interactions = SQLiteInteractionRepository(context: context)
        tickets = SQLiteTicketRepository(context: context)
        users = SQLiteUserRepository(context: context)
        audit = SQLiteAuditLog(context: context)
        outbox = SQLiteWebhookOutbox(context: context)
        ivrOutcomes = SQLiteIVROutcomeRepository(context: context)
        recordings = SQLiteRecordingIndex(context: context)
        scorecards = SQLiteScorecardRepository(context: context)
        evaluations = SQLiteEvaluationRepository(context: context)
        calibrations = SQLiteCalibrationRepository(context: context)
        callerContext = SQLiteCallerContext(context: context)
    }

    /// Closes the pool; later calls fail.
    public func close() throws {
        try database.close()
    }

    private static func classify(_ error: any Error, path: String) -> StorageError {
        guard let error = error as? DatabaseError else {
            return .unwritable(path: path, reason: String(describing: error))
        }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT:
            return .corrupt(path: path, reason: reason)
        default:
            return .unwritable(path: path, reason: reason)
        }
    }
}

/// What every repository shares: the pool, the configuration and a normaliser.
struct StoreContext: Sendable {
    let pool: DatabasePool
    let configuration: StorageConfiguration
    let normalizer: PhoneNumberNormalizer

    init(pool: DatabasePool, configuration: StorageConfiguration) {
        self.pool = pool
        self.configuration = configuration
        normalizer = PhoneNumberNormalizer(defaultCountry: configuration.defaultCountry)
    }

    var now: Date { configuration.now() }
}
