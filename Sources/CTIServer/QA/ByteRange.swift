import Foundation

/// One `Range: bytes=…` request resolved against a file's size (RFC 9110 §14).
public enum ByteRange: Sendable, Hashable {
    /// No usable Range header (absent, or another unit): send the whole file with 200.
    case whole
    /// Send these bytes with 206.
    case partial(ClosedRange<Int>)
    /// Malformed, several ranges, or nothing inside the file: 416 with `Content-Range: bytes */size`.
    case unsatisfiable

    /// Resolves `header` (the Range value, or nil) for a file of `size` bytes.
    public static func resolve(_ header: String?, size: Int) -> ByteRange {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return .whole }
        guard header.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .unsatisfiable }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else {
            return .unsatisfiable
        }
        if first.isEmpty {
            // Suffix: the last n bytes.
            guard let count = Int(last), count > 0, size > 0 else { return .unsatisfiable }
            return .partial(max(0, size - count)...(size - 1))
        }
        guard let start = Int(first), start < size else { return .unsatisfiable }
        if last.isEmpty { return .partial(start...(size - 1)) }
        guard let end = Int(last), end >= start else { return .unsatisfiable }
        return .partial(start...min(end, size - 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
