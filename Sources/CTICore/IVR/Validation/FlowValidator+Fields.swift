extension FlowValidator {
    /// The media schemes ARI `play` accepts.
    static let mediaSchemes: Set<Substring> = ["sound", "recording", "number", "digits", "characters", "tone"]
    /// The reasons ARI `hangup` accepts.
    static let hangUpReasons: Set<String> = [
        "normal", "busy", "congestion", "no_answer", "timeout", "rejected", "unallocated", "normal_unspecified",
        "number_incomplete", "codec_mismatch", "interworking", "failure", "answered_elsewhere",
    ]

    /// The rules on a node's own fields (targets are checked by the caller).
    static func checkFields(of node: IVRNode, named name: String, into problems: inout Problems) {
        switch node.kind {
        case .play(let n):
            checkPrompts(n.prompts, field: "prompts", required: true, node: name, into: &problems)
        case .menu(let n):
            checkPrompts(n.prompts, field: "prompts", required: true, node: name, into: &problems)
            checkKeys(Array(n.options.keys), field: "options", node: name, into: &problems)
            checkTimeout(n.timeout, field: "timeout", node: name, into: &problems)
            checkRetry(n.retry, node: name, into: &problems)
        case .collect(let n):
            checkCollect(n, node: name, into: &problems)
        case .timeCondition:
            break  // BusinessHours.compile reports schedule problems.
        case .language(let n):
            checkLanguageNode(n, node: name, into: &problems)
        case .setVariable(let n):
            if n.variables.isEmpty { problems.add(.missingField, name, "set_variable node sets no variables") }
            for variable in n.variables.keys.sorted() { checkVariable(variable, field: "variables", node: name, into: &problems) }
        case .lookup(let n):
            checkTimeout(n.timeout, field: "timeout", node: name, into: &problems)
        case .queue(let n):
            if n.queue.isEmpty { problems.add(.missingField, name, "queue node names no queue") }
            checkSkills(n.skills, node: name, into: &problems)
            checkPriority(n.priority, node: name, into: &problems)
        case .callback(let n):
            if n.queue.isEmpty { problems.add(.missingField, name, "callback node names no queue") }
            if let variable = n.numberVariable { checkVariable(variable, field: "numberVariable", node: name, into: &problems) }
            checkPriority(n.priority, node: name, into: &problems)
        case .survey(let n):
            checkSurvey(n, node: name, into: &problems)
        case .record(let n):
            if n.mailbox.isEmpty { problems.add(.missingField, name, "record node names no mailbox") }
            checkPrompts(n.prompts, field: "prompts", required: false, node: name, into: &problems)
            checkTimeout(n.maxDuration, field: "maxDuration", node: name, into: &problems)
            if let silence = n.maxSilence { checkTimeout(silence, field: "maxSilence", node: name, into: &problems) }
            if let terminator = n.terminator, !["#", "*", "any"].contains(terminator) {
                problems.add(.badDigitKey, name, "terminator '\(terminator)' must be #, * or any")
            }
        case .transfer(let n):
            if n.extension.isEmpty {
                problems.add(.missingField, name, "transfer node names no extension")
            } else if !n.extension.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "*#+_-.".unicodeScalars.contains($0) }) {
                problems.add(.badValue, name, "extension '\(n.extension)' has characters a dialplan extension cannot hold")
            }
            if let context = n.context, context.isEmpty { problems.add(.missingField, name, "transfer context is empty") }
        case .hangUp(let n):
            if !hangUpReasons.contains(n.reason) {
                problems.add(.badValue, name, "hang-up reason '\(n.reason)' is not one of \(hangUpReasons.sorted().joined(separator: ", "))")
            }
        case .goto:
            break
        }
    }

    private static func checkCollect(_ n: IVRNode.Collect, node name: String, into problems: inout Problems) {
        checkPrompts(n.prompts, field: "prompts", required: true, node: name, into: &problems)
        checkVariable(n.variable, field: "variable", node: name, into: &problems)
        if n.maxLength < 1 || n.maxLength > 64 {
            problems.add(.badLength, name, "maxLength \(n.maxLength) must be from 1 to 64")
        }
        if n.minLength < 0 || n.minLength > n.maxLength {
            problems.add(.badLength, name, "minLength \(n.minLength) must be from 0 to maxLength (\(n.maxLength))")
        } else if n.minLength == 0 && n.terminator == nil {
            problems.add(.badLength, name, "minLength 0 needs a terminator, or an empty entry could never be confirmed")
        }
        if let terminator = n.terminator, DTMFDigit(terminator) == nil {
            problems.add(.badDigitKey, name, "terminator '\(terminator)' is not a single DTMF key (0-9, *, #, A-D)")
        }
        checkTimeout(n.firstDigitTimeout, field: "firstDigitTimeout", node: name, into: &problems)
        checkTimeout(n.interDigitTimeout, field: "interDigitTimeout", node: name, into: &problems)
        checkTimeout(n.overallTimeout, field: "overallTimeout", node: name, into: &problems)
        if n.overallTimeout < n.firstDigitTimeout || n.overallTimeout < n.interDigitTimeout {
            problems.add(.badTimeout, name, "overallTimeout \(n.overallTimeout)s is shorter than the first-digit or inter-digit timeout")
        }
        checkRetry(n.retry, node: name, into: &problems)
    }

    private static func checkLanguageNode(_ n: IVRNode.Language, node name: String, into problems: inout Problems) {
        if n.choices.isEmpty {
            if let language = n.language {
                checkLanguage(language, field: "language", node: name, into: &problems)
            } else {
                problems.add(.missingField, name, "language node needs either 'language' or 'choices'")
            }
            return
        }
        if n.language != nil { problems.add(.badValue, name, "language node has both 'language' and 'choices'; use one") }
        checkPrompts(n.prompts, field: "prompts", required: true, node: name, into: &problems)
        checkKeys(Array(n.choices.keys), field: "choices", node: name, into: &problems)
        for (_, language) in n.choices.sorted(by: { $0.key < $1.key }) {
            checkLanguage(language, field: "choices", node: name, into: &problems)
        }
        if let fallback = n.defaultLanguage { checkLanguage(fallback, field: "default", node: name, into: &problems) }
        checkTimeout(n.timeout, field: "timeout", node: name, into: &problems)
        checkRetry(n.retry, node: name, into: &problems)
    }

    private static func checkSurvey(_ n: IVRNode.Survey, node name: String, into problems: inout Problems) {
        if n.survey.isEmpty { problems.add(.missingField, name, "survey node names no survey id") }
        if n.questions.isEmpty { problems.add(.missingField, name, "survey has no questions") }
        var seen = Set<String>()
        for (position, question) in n.questions.enumerated() {
            let label = question.id.isEmpty ? "question #\(position + 1)" : "question '\(question.id)'"
            if question.id.isEmpty {
                problems.add(.missingField, name, "\(label) has no id")
            } else if !seen.insert(question.id).inserted {
                problems.add(.badValue, name, "\(label) appears more than once")
            }
            checkPrompts(question.prompts, field: "\(label) prompts", required: true, node: name, into: &problems)
        }
        checkTimeout(n.timeout, field: "timeout", node: name, into: &problems)
        checkRetry(n.retry, node: name, into: &problems)
    }

    static func checkPrompts(_ prompts: [String], field: String, required: Bool, node: String, into problems: inout Problems) {
        if required && prompts.isEmpty {
            problems.add(.missingPrompts, node, "\(field) is empty; the caller would hear nothing")
        }
        for prompt in prompts {
            let parts = prompt.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, mediaSchemes.contains(parts[0]), !parts[1].isEmpty, !parts[1].contains(where: \.isWhitespace) else {
                problems.add(.badPrompt, node, "\(field): '\(prompt)' is not a media URI (sound:NAME, recording:, number:, digits:, characters:, tone:)")
                continue
            }
        }
    }

    static func checkKeys(_ keys: [String], field: String, node: String, into problems: inout Problems) {
        if keys.isEmpty { problems.add(.badDigitKey, node, "\(field) offers no digits") }
        for key in keys.sorted() where DTMFDigit(key) == nil {
            problems.add(.badDigitKey, node, "\(field): '\(key)' is not a single DTMF key (0-9, *, #, A-D)")
        }
    }

    static func checkTimeout(_ seconds: Double, field: String, node: String?, limit: Double = 3600, into problems: inout Problems) {
        if !seconds.isFinite || seconds <= 0 || seconds > limit {
            problems.add(.badTimeout, node, "\(field) \(seconds) must be more than 0 and at most \(Int(limit)) seconds")
        }
    }

    static func checkRetry(_ retry: IVRNode.RetryPolicy, node: String, into problems: inout Problems) {
        if retry.maxRetries < 0 || retry.maxRetries > 10 {
            problems.add(.badRetries, node, "maxRetries \(retry.maxRetries) must be from 0 to 10")
        }
        checkPrompts(retry.invalidPrompts, field: "invalidPrompts", required: false, node: node, into: &problems)
        checkPrompts(retry.timeoutPrompts, field: "timeoutPrompts", required: false, node: node, into: &problems)
    }

    static func checkVariable(_ name: String, field: String, node: String, into problems: inout Problems) {
        let scalars = Array(name.unicodeScalars)
        let valid = scalars.first.map { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) } ?? false
            && scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ".") }
        if !valid {
            problems.add(.badVariable, node, "\(field): '\(name)' is not a variable name (letters, digits, _ and ., starting with a letter or _)")
        }
    }

    static func checkLanguage(_ code: String, field: String, node: String?, into problems: inout Problems) {
        let parts = code.split(separator: "_", omittingEmptySubsequences: false)
        let base = parts.first ?? ""
        let valid = (2...3).contains(base.count) && base.allSatisfy { $0.isASCII && $0.isLowercase }
            && parts.count <= 2 && parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if !valid {
            problems.add(.badLanguage, node, "\(field): '\(code)' is not a language code like en, vi or pt_BR")
        }
    }

    private static func checkSkills(_ skills: [String: Int], node: String, into problems: inout Problems) {
        for (skill, level) in skills.sorted(by: { $0.key < $1.key }) {
            if skill.isEmpty { problems.add(.missingField, node, "a skill has an empty name") }
            if !(1...10).contains(level) {
                problems.add(.badValue, node, "skill '\(skill)' level \(level) must be from 1 to 10")
            }
        }
    }

    private static func checkPriority(_ priority: Int, node: String, into problems: inout Problems) {
        if priority < 0 || priority > 1000 {
            problems.add(.badValue, node, "priority \(priority) must be from 0 to 1000")
        }
    }
}
