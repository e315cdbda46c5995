import CTICore
import Foundation
import GRDB

/// Small conversions between model values and columns.
enum RowCoding {
    static func seconds(_ date: Date) -> Double { date.timeIntervalSince1970 }
    static func secondsOrNil(_ date: Date?) -> Double? { date?.timeIntervalSince1970 }
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
    static func dateOrNil(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

    /// JSON text for a column holding an array or dictionary.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a JSON column, falling back to `fallback` for damaged text.
    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String?, fallback: Value) -> Value {
        guard let text, let value = try? JSONDecoder().decode(type, from: Data(text.utf8)) else { return fallback }
        return value
    }

    /// JSON for a webhook body or API payload: ISO 8601 dates, sorted keys.
    static func eventJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `ORDER BY … LIMIT ? OFFSET ?` arguments after checking the page.
extension PageRequest {
    func checked() throws(RepositoryError) -> PageRequest {
        do { try validate() } catch { throw .validation(error) }
        return self
    }
}

extension DatabaseError {
    /// Whether this is a UNIQUE constraint failure.
    var isUniqueViolation: Bool { extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY }
}
