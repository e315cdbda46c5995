import Foundation

/// Resolution targets by priority: a ticket is due `resolutionTime(priority)` after it was opened.
public struct SLAPolicy: Codable, Sendable, Hashable {
    /// Seconds allowed to resolve, per priority.
    public var resolutionSeconds: [TicketPriority: Double]

    /// Targets; defaults: urgent 4 h, high 8 h, normal 24 h, low 72 h.
    public init(resolutionSeconds: [TicketPriority: Double] = [.urgent: 4 * 3600, .high: 8 * 3600, .normal: 24 * 3600, .low: 72 * 3600]) {
        self.resolutionSeconds = resolutionSeconds
    }

    /// When a ticket of `priority` opened at `openedAt` must be resolved.
    public func dueAt(openedAt: Date, priority: TicketPriority) -> Date {
        openedAt.addingTimeInterval(resolutionSeconds[priority] ?? 24 * 3600)
    }

    /// Whether a ticket breached its SLA at `now`: still open after its due time, or resolved late.
    public static func isBreached(dueAt: Date, resolvedAt: Date?, now: Date) -> Bool {
        if let resolvedAt { return resolvedAt > dueAt }
        return now > dueAt
    }
}
