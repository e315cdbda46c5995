extension IVRNode.Kind {
    /// One branch out of a node: a label for messages and the target node id (may be empty).
    struct Exit {
        let label: String
        let target: String
    }

    /// Every branch out of the node, in a stable order.
    var exits: [Exit] {
        switch self {
        case .play(let n): [Exit(label: "next", target: n.next)]
        case .menu(let n):
            n.options.sorted { $0.key < $1.key }.map { Exit(label: "option \($0.key)", target: $0.value) }
                + [Exit(label: "fallback", target: n.fallback)]
        case .collect(let n): [Exit(label: "next", target: n.next), Exit(label: "fallback", target: n.fallback)]
        case .timeCondition(let n):
            [Exit(label: "open", target: n.open), Exit(label: "closed", target: n.closed)]
                + (n.holiday.map { [Exit(label: "holiday", target: $0)] } ?? [])
        case .language(let n): [Exit(label: "next", target: n.next)]
        case .setVariable(let n): [Exit(label: "next", target: n.next)]
        case .lookup(let n):
            [Exit(label: "found", target: n.found), Exit(label: "notFound", target: n.notFound)]
                + (n.vip.map { [Exit(label: "vip", target: $0)] } ?? [])
                + (n.failed.map { [Exit(label: "failed", target: $0)] } ?? [])
        case .callback(let n): [Exit(label: "next", target: n.next)] + (n.failed.map { [Exit(label: "failed", target: $0)] } ?? [])
        case .survey(let n): [Exit(label: "next", target: n.next)]
        case .record(let n): [Exit(label: "next", target: n.next)] + (n.failed.map { [Exit(label: "failed", target: $0)] } ?? [])
        case .goto(let n): [Exit(label: "target", target: n.target)]
        case .queue, .transfer, .hangUp: []
        }
    }

    /// Whether the call leaves the IVR at this node.
    var isTerminal: Bool {
        switch self {
        case .queue, .transfer, .hangUp: true
        default: false
        }
    }

    /// Whether the node moves on at once, without playing a prompt or waiting for the caller.
    var isInstant: Bool {
        switch self {
        case .timeCondition, .setVariable, .lookup, .callback, .goto: true
        case .language(let n): n.choices.isEmpty
        default: false
        }
    }
}
