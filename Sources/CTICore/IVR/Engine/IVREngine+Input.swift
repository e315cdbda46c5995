import Foundation

extension IVREngine {
    /// Why an attempt at a node failed.
    enum Failure {
        case invalid(String)
        case noInput
    }

    /// A key press: barge-in during a prompt, input at a node that reads digits, type-ahead otherwise.
    mutating func received(_ digit: DTMFDigit, at now: Date, into out: inout [IVRDecision]) -> Step {
        switch phase {
        case .prompting:
            switch flow.flow.nodes[current].kind {
            case .play(let node):
                guard node.bargeIn else { return .stay }
                stopPrompt(into: &out)
                remember(digit)
                return .go(node.next)
            case .menu, .language, .survey:
                stopPrompt(into: &out)
                phase = .input
                return choose(digit, at: now, into: &out)
            case .collect:
                stopPrompt(into: &out)
                return collect(digit, at: now, into: &out)
            default:
                return .stay  // record prompts cannot be interrupted
            }
        case .input:
            if case .collect = flow.flow.nodes[current].kind { return collect(digit, at: now, into: &out) }
            return choose(digit, at: now, into: &out)
        case .idle, .lookingUp:
            remember(digit)
            return .stay
        case .recording, .ended:
            return .stay
        }
    }

    private mutating func remember(_ digit: DTMFDigit) {
        if buffer.count < Self.maxBuffered { buffer.append(digit) }
    }

    /// A one-key choice at a menu, language choice or survey question.
    mutating func choose(_ digit: DTMFDigit, at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.firstDigit, into: &out)
        let key = digit.description
        switch flow.flow.nodes[current].kind {
        case .menu(let node):
            guard let target = node.options[key] else { return fail(.invalid(key), at: now, into: &out) }
            note(.pressed(digits: key), at: now)
            return .go(target)
        case .language(let node):
            guard let language = node.choices[key] else { return fail(.invalid(key), at: now, into: &out) }
            note(.pressed(digits: key), at: now)
            setLanguage(language, at: now)
            return .go(node.next)
        case .survey(let node):
            guard let score = digit.number, (1...5).contains(score) else { return fail(.invalid(key), at: now, into: &out) }
            note(.surveyAnswer(question: node.questions[question].id, score: score), at: now)
            scores.append(score)
            question += 1
            return ask(node, at: now, into: &out)
        default:
            return .stay
        }
    }

    /// One key of a collect entry.
    mutating func collect(_ digit: DTMFDigit, at now: Date, into out: inout [IVRDecision]) -> Step {
        guard case .collect(let node) = flow.flow.nodes[current].kind else { return .stay }
        if phase != .input {
            phase = .input
            startTimer(.overall, seconds: node.overallTimeout, into: &out)
        }
        cancelTimer(.firstDigit, into: &out)
        if let terminator = node.terminator, digit.description == terminator {
            cancelTimer(.interDigit, into: &out)
            return entry.count >= node.minLength ? completeEntry(node, at: now, into: &out) : fail(.invalid(masked(node)), at: now, into: &out)
        }
        entry.append(digit)
        if entry.count >= node.maxLength {
            cancelTimer(.interDigit, into: &out)
            return completeEntry(node, at: now, into: &out)
        }
        startTimer(.interDigit, seconds: node.interDigitTimeout, into: &out)
        return .stay
    }

    private mutating func completeEntry(_ node: IVRNode.Collect, at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.overall, into: &out)
        cancelTimer(.interDigit, into: &out)
        var digits = ""
        digits.reserveCapacity(entry.count)
        for digit in entry { digits.unicodeScalars.append(UnicodeScalar(digit.ascii)) }
        note(.pressed(digits: masked(node)), at: now)
        path.variables[node.variable] = digits
        note(.variable(name: node.variable, value: masked(node)), at: now)
        entry.removeAll(keepingCapacity: true)
        return .go(node.next)
    }

    /// The entry as it may appear in the path: masked when the node is sensitive.
    private func masked(_ node: IVRNode.Collect) -> String {
        var text = ""
        for digit in entry { text.unicodeScalars.append(node.sensitive ? "*" : UnicodeScalar(digit.ascii)) }
        return text
    }

    /// A failed attempt: retry with the matching prompts, or take the node's way out.
    mutating func fail(_ failure: Failure, at now: Date, into out: inout [IVRDecision]) -> Step {
        cancelTimer(.firstDigit, into: &out)
        cancelTimer(.interDigit, into: &out)
        cancelTimer(.overall, into: &out)
        entry.removeAll(keepingCapacity: true)
        buffer.removeAll(keepingCapacity: true)
        failures += 1
        switch failure {
        case .invalid(let digits): note(.invalidInput(digits: digits), at: now)
        case .noInput: note(.noInput, at: now)
        }

        let retry: IVRNode.RetryPolicy
        let prompts: [String]
        switch flow.flow.nodes[current].kind {
        case .menu(let node): (retry, prompts) = (node.retry, node.prompts)
        case .collect(let node): (retry, prompts) = (node.retry, node.prompts)
        case .language(let node): (retry, prompts) = (node.retry, node.prompts)
        case .survey(let node): (retry, prompts) = (node.retry, node.questions[question].prompts)
        default: return .stay
        }
        guard failures > retry.maxRetries else {
            switch failure {
            case .invalid: return startPrompt(retry.invalidPrompts + prompts, at: now, into: &out)
            case .noInput: return startPrompt(retry.timeoutPrompts + prompts, at: now, into: &out)
            }
        }

        note(.retriesExhausted, at: now)
        phase = .idle
        switch flow.flow.nodes[current].kind {
        case .menu(let node): return .go(node.fallback)
        case .collect(let node): return .go(node.fallback)
        case .language(let node):
            setLanguage(node.defaultLanguage ?? path.language, at: now)
            return .go(node.next)
        case .survey(let node):
            note(.surveyAnswer(question: node.questions[question].id, score: nil), at: now)
            scores.append(nil)
            question += 1
            return ask(node, at: now, into: &out)
        default: return .stay
        }
    }

    /// A timer ran out.
    mutating func timerFired(_ kind: IVRTimer.Kind, at now: Date, into out: inout [IVRDecision]) -> Step {
        switch kind {
        case .playbackStart:
            return playbackDidNotStart(at: now, into: &out)
        case .firstDigit:
            return fail(.noInput, at: now, into: &out)
        case .interDigit, .overall:
            guard case .collect(let node) = flow.flow.nodes[current].kind else { return .stay }
            if entry.isEmpty && (kind == .overall || node.minLength > 0) { return fail(.noInput, at: now, into: &out) }
            if entry.count >= node.minLength { return completeEntry(node, at: now, into: &out) }
            return fail(.invalid(masked(node)), at: now, into: &out)
        case .lookup:
            return lookupTimedOut(at: now, into: &out)
        case .recording:
            return recordingOverran(at: now, into: &out)
        }
    }
}
