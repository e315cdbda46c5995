import Foundation

extension IVREngine {
    /// The CRM answered: branch on found, VIP, not found or failed.
    mutating func lookedUp(_ result: CustomerLookupResult, at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.lookup, into: &out)
        lookup = nil
        phase = .idle
        guard case .lookup(let node) = flow.flow.nodes[current].kind else { return .stay }
        switch result {
        case .found(let customer):
            note(.lookup(result: customer.isVIP ? "vip" : "found", customerID: customer.id), at: now)
            path.customer = customer
            set("customer.id", to: customer.id, at: now)
            set("customer.name", to: customer.name, at: now)
            return .go(customer.isVIP ? node.vip ?? node.found : node.found)
        case .notFound:
            note(.lookup(result: "notFound", customerID: nil), at: now)
            return .go(node.notFound)
        case .failed:
            note(.lookup(result: "failed", customerID: nil), at: now)
            return .go(node.failed ?? node.notFound)
        }
    }

    mutating func lookupTimedOut(at now: Date, into out: inout [IVRDecision]) -> Step {
        lookup = nil
        phase = .idle
        guard case .lookup(let node) = flow.flow.nodes[current].kind else { return .stay }
        note(.lookup(result: "timedOut", customerID: nil), at: now)
        return .go(node.failed ?? node.notFound)
    }

    /// The record node's prompts ended: start recording, guarded by a timer a little past the maximum.
    mutating func startRecording(_ node: IVRNode.Record, into out: inout [IVRDecision]) {
        let name = "ivr-\(path.call?.channelID ?? "call")-\(nextSequence())"
        recording = name
        phase = .recording
        out.append(.record(IVRRecordRequest(
            name: name, maxDurationSeconds: node.maxDuration, maxSilenceSeconds: node.maxSilence,
            beep: node.beep, terminateOn: node.terminator)))
        startTimer(.recording, seconds: node.maxDuration + Self.recordingGrace, into: &out)
    }

    /// Seconds past `maxDuration` before a recording counts as lost.
    static var recordingGrace: Double { 10 }

    mutating func recorded(name: String, duration: Double?, at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.recording, into: &out)
        recording = nil
        phase = .idle
        guard case .record(let node) = flow.flow.nodes[current].kind else { return .stay }
        note(.recorded(name: name), at: now)
        out.append(.storeMessage(IVRMessage(
            mailbox: node.mailbox, recordingName: name, durationSeconds: duration,
            callerID: path.call?.callerID ?? "", recordedAt: now, flowID: flow.id)))
        return .go(node.next)
    }

    mutating func recordingFailed(at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.recording, into: &out)
        recording = nil
        phase = .idle
        guard case .record(let node) = flow.flow.nodes[current].kind else { return .stay }
        note(.recordingFailed, at: now)
        return .go(node.failed ?? node.next)
    }

    mutating func recordingOverran(at now: Date, into out: inout [IVRDecision]) -> Step {
        if let recording { out.append(.stopRecording(name: recording)) }
        return recordingFailed(at: now, into: &out)
    }
}
