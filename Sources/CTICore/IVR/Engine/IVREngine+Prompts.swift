import Foundation

extension IVREngine {
    /// Plays `media`, guarded by the playback-start timeout; with no media the prompt ends at once.
    mutating func startPrompt(_ media: [String], at now: Date, into out: inout [IVRDecision]) -> Step {
        guard !media.isEmpty else { return promptEnded(at: now, into: &out) }
        let id = IVRPlaybackID(rawValue: nextSequence())
        playback = id
        phase = .prompting
        out.append(.play(IVRPlayback(id: id, media: media, language: path.language)))
        startTimer(.playbackStart, seconds: flow.flow.settings.playbackStartTimeout, into: &out)
        return .stay
    }

    /// The prompt finished, failed, or never started: go on with the node.
    mutating func promptEnded(at now: Date, into out: inout [IVRDecision]) -> Step {
        playback = nil
        cancelTimer(.playbackStart, into: &out)
        switch flow.flow.nodes[current].kind {
        case .play(let node):
            return .go(node.next)
        case .menu(let node):
            awaitInput(firstDigit: node.timeout, into: &out)
        case .language(let node):
            awaitInput(firstDigit: node.timeout, into: &out)
        case .survey(let node):
            awaitInput(firstDigit: node.timeout, into: &out)
        case .collect(let node):
            awaitInput(firstDigit: node.firstDigitTimeout, into: &out)
            startTimer(.overall, seconds: node.overallTimeout, into: &out)
        case .record(let node):
            startRecording(node, into: &out)
        default:
            break
        }
        return .stay
    }

    private mutating func awaitInput(firstDigit seconds: Double, into out: inout [IVRDecision]) {
        phase = .input
        startTimer(.firstDigit, seconds: seconds, into: &out)
    }

    /// Barge-in: stop the prompt in progress.
    mutating func stopPrompt(into out: inout [IVRDecision]) {
        if let playback {
            out.append(.stopPlayback(playback))
            self.playback = nil
        }
        cancelTimer(.playbackStart, into: &out)
    }

    /// A prompt never started within the playback-start timeout.
    mutating func playbackDidNotStart(at now: Date, into out: inout [IVRDecision]) -> Step {
        if let playback { out.append(.stopPlayback(playback)) }  // in case it starts late
        note(.playbackFailed, at: now)
        return promptEnded(at: now, into: &out)
    }

    /// Starts (or restarts) the timer of `kind`.
    mutating func startTimer(_ kind: IVRTimer.Kind, seconds: Double, into out: inout [IVRDecision]) {
        cancelTimer(kind, into: &out)
        let id = IVRTimerID(rawValue: nextSequence())
        timers[kind] = id
        out.append(.startTimer(IVRTimer(id: id, kind: kind, duration: .milliseconds(Int64((seconds * 1000).rounded())))))
    }

    mutating func cancelTimer(_ kind: IVRTimer.Kind, into out: inout [IVRDecision]) {
        if let id = timers[kind] {
            out.append(.cancelTimer(id))
            timers[kind] = nil
        }
    }
}
