/// Checks a flow and lists every problem at once, each with its node and a message for the admin.
public enum FlowValidator {
    /// Every problem in `flow`; empty when the flow can run.
    public static func problems(in flow: IVRFlow) -> [FlowProblem] {
        check(flow).problems
    }

    /// The flow ready to run, or an error listing every problem.
    public static func validate(_ flow: IVRFlow) throws(FlowValidationError) -> ValidatedFlow {
        let result = check(flow)
        guard result.problems.isEmpty else { throw FlowValidationError(flowID: flow.id, problems: result.problems) }
        return ValidatedFlow(flow: flow, index: result.index, hours: result.hours)
    }

    struct Result {
        var problems: [FlowProblem] = []
        var index: [String: Int] = [:]
        var hours: [BusinessHours?] = []
    }

    static func check(_ flow: IVRFlow) -> Result {
        var result = Result()
        result.hours = [BusinessHours?](repeating: nil, count: flow.nodes.count)
        var problems = Problems()

        if flow.id.isEmpty { problems.add(.missingField, nil, "the flow has no id") }
        if flow.nodes.isEmpty { problems.add(.missingField, nil, "the flow has no nodes") }
        checkLanguage(flow.settings.language, field: "settings.language", node: nil, into: &problems)
        checkTimeout(flow.settings.playbackStartTimeout, field: "settings.playbackStartTimeout", node: nil, limit: 60, into: &problems)

        for (position, node) in flow.nodes.enumerated() {
            if node.id.isEmpty {
                problems.add(.missingNodeID, nil, "node #\(position + 1) (\(node.typeName)) has no id")
            } else if result.index[node.id] != nil {
                problems.add(.duplicateNodeID, node.id, "the id is used by more than one node (#\(result.index[node.id]! + 1) and #\(position + 1))")
            } else {
                result.index[node.id] = position
            }
        }

        if flow.start.isEmpty {
            problems.add(.missingStart, nil, "the flow names no start node")
        } else if result.index[flow.start] == nil {
            problems.add(.missingStart, nil, "start node '\(flow.start)' is not a node in this flow")
        }

        for (position, node) in flow.nodes.enumerated() {
            let name = node.id.isEmpty ? "#\(position + 1)" : node.id
            checkFields(of: node, named: name, into: &problems)
            for exit in node.kind.exits {
                if exit.target.isEmpty {
                    problems.add(.missingTarget, name, "\(node.typeName) node has no '\(exit.label)' target")
                } else if result.index[exit.target] == nil {
                    problems.add(.unknownTarget, name, "\(exit.label) → '\(exit.target)' is not a node in this flow")
                }
            }
            if case .timeCondition(let condition) = node.kind {
                switch BusinessHours.compile(condition) {
                case .success(let hours): result.hours[position] = hours
                case .failure(let failure):
                    for problem in failure.list {
                        switch problem {
                        case .timeZone(let message): problems.add(.unknownTimeZone, name, message)
                        case .schedule(let message): problems.add(.badSchedule, name, message)
                        }
                    }
                }
            }
        }

        checkGraph(flow, index: result.index, into: &problems)
        result.problems = problems.list
        return result
    }

    /// Unreachable nodes, loops with no exit, and loops that would spin without waiting.
    private static func checkGraph(_ flow: IVRFlow, index: [String: Int], into problems: inout Problems) {
        guard !flow.nodes.isEmpty else { return }
        let graph = FlowGraph(successors: flow.nodes.map { node in node.kind.exits.compactMap { index[$0.target] } })
        let name = { (i: Int) in flow.nodes[i].id.isEmpty ? "#\(i + 1)" : flow.nodes[i].id }

        if let start = index[flow.start] {
            let reached = graph.reachable(from: start)
            for (i, node) in flow.nodes.enumerated() where !reached[i] && (node.id.isEmpty || index[node.id] == i) {
                problems.add(.unreachable, name(i), "no path from the start node '\(flow.start)' reaches this node")
            }
        }

        let terminals = flow.nodes.indices.filter { flow.nodes[$0].kind.isTerminal }
        let exits = graph.canReach(terminals)
        for cycle in graph.cycles(among: exits.map { !$0 }) {
            let members = cycle.map { "'\(name($0))'" }.joined(separator: " → ")
            problems.add(.loopWithoutExit, name(cycle[0]), "loop with no exit: \(members) never reaches a queue, transfer or hang-up")
        }

        let instant = flow.nodes.map(\.kind.isInstant)
        for cycle in graph.cycles(among: instant) {
            let members = cycle.map { "'\(name($0))'" }.joined(separator: " → ")
            problems.add(.instantLoop, name(cycle[0]), "loop \(members) neither plays a prompt nor waits for the caller, so it would spin forever")
        }
    }
}

/// Collects problems in order.
struct Problems {
    private(set) var list: [FlowProblem] = []

    mutating func add(_ code: FlowProblem.Code, _ node: String?, _ message: String) {
        list.append(FlowProblem(code, node: node, message))
    }
}
