import AsteriskSimulator
import Foundation
import Synchronization

/// Hands each call's next few simulator requests to the caller task waiting for them.
final class RequestTracker: Sendable {
    private struct Slot {
        var wanted: Int
        var entries: [ARISimRequestLog.Entry] = []
        var continuation: CheckedContinuation<[ARISimRequestLog.Entry], Never>?
    }

    private let slots = Mutex<[String: Slot]>([:])

    /// Collects the next `count` requests for `channelID` (arm before causing them).
    func arm(_ channelID: String, count: Int) {
        slots.withLock { $0[channelID] = Slot(wanted: count) }
    }

    /// The armed requests, once all arrived.
    func wait(_ channelID: String) async throws -> [ARISimRequestLog.Entry] {
        await withCheckedContinuation { continuation in
            let ready = slots.withLock { slots -> [ARISimRequestLog.Entry]? in
                guard var slot = slots[channelID] else { return [] }
                if slot.entries.count >= slot.wanted {
                    slots[channelID] = nil
                    return slot.entries
                }
                slot.continuation = continuation
                slots[channelID] = slot
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// The simulator's observer: files a request under its call.
    func logged(_ entry: ARISimRequestLog.Entry) {
        // GETs are the events client's resync, not the IVR's answer to a caller.
        guard entry.method != "GET", let channelID = Self.channelID(entry.path) else { return }
        let done = slots.withLock { slots -> ([ARISimRequestLog.Entry], CheckedContinuation<[ARISimRequestLog.Entry], Never>)? in
            guard var slot = slots[channelID], slot.entries.count < slot.wanted else { return nil }
            slot.entries.append(entry)
            if slot.entries.count >= slot.wanted, let continuation = slot.continuation {
                slots[channelID] = nil
                return (slot.entries, continuation)
            }
            slots[channelID] = slot
            return nil
        }
        if let done { done.1.resume(returning: done.0) }
    }

    /// `channels/ID/...` or `playbacks/ivr-ID-pbN`.
    static func channelID(_ path: String) -> String? {
        if path.hasPrefix("channels/") {
            return path.split(separator: "/").dropFirst().first.map(String.init)
        }
        if path.hasPrefix("playbacks/ivr-"), let suffix = path.range(of: "-pb", options: .backwards) {
            return String(path[path.index(path.startIndex, offsetBy: "playbacks/ivr-".count)..<suffix.lowerBound])
        }
        return nil
    }
}
