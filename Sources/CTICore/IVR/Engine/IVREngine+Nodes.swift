import Foundation

extension IVREngine {
    /// Makes node `index` current and runs it until it waits or moves on.
    mutating func enter(_ index: Int, at now: Date, into out: inout [IVRDecision]) -> Step {
        current = index
        phase = .idle
        failures = 0
        entry.removeAll(keepingCapacity: true)
        note(.entered, at: now)
        let kind = flow.flow.nodes[index].kind
        switch kind {
        case .play(let node):
            if !node.bargeIn {
                buffer.removeAll(keepingCapacity: true)
            } else if !buffer.isEmpty {
                return .go(node.next)  // the caller already pressed ahead: skip the prompt
            }
            return startPrompt(node.prompts, at: now, into: &out)

        case .menu(let node):
            if !buffer.isEmpty { return choose(buffer.removeFirst(), at: now, into: &out) }
            return startPrompt(node.prompts, at: now, into: &out)

        case .language(let node):
            guard !node.choices.isEmpty else {
                setLanguage(node.language ?? path.language, at: now)
                return .go(node.next)
            }
            if !buffer.isEmpty { return choose(buffer.removeFirst(), at: now, into: &out) }
            return startPrompt(node.prompts, at: now, into: &out)

        case .collect(let node):
            while !buffer.isEmpty {
                let step = collect(buffer.removeFirst(), at: now, into: &out)
                if case .go = step { return step }
                if phase != .input { return .stay }  // a rejected entry restarted the prompts
            }
            if phase == .input { return .stay }
            return startPrompt(node.prompts, at: now, into: &out)

        case .timeCondition(let node):
            let state = flow.hours[index]?.state(at: now) ?? .closed
            note(.branch(state.rawValue), at: now)
            switch state {
            case .open: return .go(node.open)
            case .closed: return .go(node.closed)
            case .holiday: return .go(node.holiday ?? node.closed)
            }

        case .setVariable(let node):
            for (name, value) in node.variables.sorted(by: { $0.key < $1.key }) { set(name, to: value, at: now) }
            return .go(node.next)

        case .lookup(let node):
            let callerID = path.call?.callerID ?? ""
            guard !callerID.isEmpty else {
                note(.lookup(result: "withheld", customerID: nil), at: now)
                return .go(node.notFound)
            }
            let id = IVRLookupID(rawValue: nextSequence())
            lookup = id
            phase = .lookingUp
            out.append(.lookupCustomer(IVRLookupRequest(id: id, callerID: callerID)))
            startTimer(.lookup, seconds: node.timeout, into: &out)
            return .stay

        case .queue(let node):
            out.append(.enqueue(IVREnqueueRequest(queue: node.queue, skills: node.skills, priority: node.priority, path: path)))
            finish(.enqueued(queue: node.queue), into: &out)
            return .stay

        case .callback(let node):
            let number = node.numberVariable.flatMap { path.variables[$0] } ?? path.call?.callerID ?? ""
            guard !number.isEmpty else {
                note(.callback(booked: false), at: now)
                return .go(node.failed ?? node.next)
            }
            note(.callback(booked: true), at: now)
            out.append(.requestCallback(IVRCallbackRequest(queue: node.queue, number: number, priority: node.priority, requestedAt: now, path: path)))
            return .go(node.next)

        case .survey(let node):
            buffer.removeAll(keepingCapacity: true)
            question = 0
            scores.removeAll(keepingCapacity: true)
            scores.reserveCapacity(node.questions.count)
            return ask(node, at: now, into: &out)

        case .record(let node):
            buffer.removeAll(keepingCapacity: true)
            return startPrompt(node.prompts, at: now, into: &out)

        case .transfer(let node):
            out.append(.transfer(IVRTransferRequest(extension: node.extension, context: node.context, path: path)))
            finish(.transferred(extension: node.extension), into: &out)
            return .stay

        case .hangUp(let node):
            out.append(.hangUp(reason: node.reason))
            finish(.hungUp, into: &out)
            return .stay

        case .goto(let node):
            return .go(node.target)
        }
    }

    /// Asks the current survey question, or stores the scores after the last one.
    mutating func ask(_ node: IVRNode.Survey, at now: Date, into out: inout [IVRDecision]) -> Step {
        failures = 0
        guard question < node.questions.count else {
            let call = path.call
            let answers = zip(node.questions, scores).map { IVRSurveyResult.Answer(question: $0.id, score: $1) }
            out.append(.storeSurveyResult(IVRSurveyResult(
                survey: node.survey, flowID: flow.id, flowVersion: version, channelID: call?.channelID ?? "",
                callerID: call?.callerID ?? "", answers: answers, completedAt: now)))
            return .go(node.next)
        }
        return startPrompt(node.questions[question].prompts, at: now, into: &out)
    }

    mutating func set(_ name: String, to value: String, at now: Date) {
        path.variables[name] = value
        note(.variable(name: name, value: value), at: now)
    }

    mutating func setLanguage(_ language: String, at now: Date) {
        path.language = language
        note(.language(language), at: now)
    }

    /// Leaves the IVR: no timer may outlive the call's time here.
    mutating func finish(_ result: IVROutcome, into out: inout [IVRDecision]) {
        timers.removeAll(into: &out)
        if let playback {
            out.append(.stopPlayback(playback))
            self.playback = nil
        }
        phase = .ended
        outcome = result
    }

    /// The caller is gone: cancel timers and say nothing more.
    mutating func callerHungUp(at now: Date, into out: inout [IVRDecision]) {
        note(.callerHungUp, at: now)
        timers.removeAll(into: &out)
        playback = nil
        phase = .ended
        outcome = .callerHungUp(nodeID: currentNodeID)
    }

    mutating func abort(_ reason: String, at now: Date, into out: inout [IVRDecision]) {
        note(.aborted(reason), at: now)
        out.append(.hangUp(reason: "normal"))
        finish(.aborted(reason), into: &out)
    }
}
