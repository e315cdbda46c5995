import Foundation

/// What changed between two versions of a flow, in terms an admin reads in the audit log.
public struct FlowDiff: Sendable, Hashable, Codable {
    /// A node present in both versions whose fields differ.
    public struct NodeChange: Sendable, Hashable, Codable {
        public let nodeID: String
        /// The JSON fields that differ (`type` when the node changed type).
        public let fields: [String]

        public init(nodeID: String, fields: [String]) {
            self.nodeID = nodeID
            self.fields = fields
        }
    }

    /// Node ids only in the new version, in its order.
    public let added: [String]
    /// Node ids only in the old version, in its order.
    public let removed: [String]
    /// Nodes in both whose content changed, in the new version's order.
    public let changed: [NodeChange]
    /// Flow-level fields that changed: `name`, `start`, `settings`.
    public let flowFields: [String]

    /// The changes from `old` to `new`; with no `old`, every node is added.
    public init(from old: IVRFlow?, to new: IVRFlow) {
        let oldNodes = Dictionary((old?.nodes ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.nodes.map(\.id))
        added = new.nodes.map(\.id).filter { oldNodes[$0] == nil }
        removed = (old?.nodes ?? []).map(\.id).filter { !newIDs.contains($0) }
        changed = new.nodes.compactMap { node in
            guard let before = oldNodes[node.id], before != node else { return nil }
            return NodeChange(nodeID: node.id, fields: FlowDiff.fields(differingBetween: before, and: node))
        }
        var flowFields: [String] = []
        if let old {
            if old.name != new.name { flowFields.append("name") }
            if old.start != new.start { flowFields.append("start") }
            if old.settings != new.settings { flowFields.append("settings") }
        }
        self.flowFields = flowFields
    }

    /// True when the versions are the same.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && flowFields.isEmpty }

    /// One line, e.g. `added 'survey'; removed 'old'; changed 'main' (options, timeout); start changed`.
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("added " + added.map { "'\($0)'" }.joined(separator: ", ")) }
        if !removed.isEmpty { parts.append("removed " + removed.map { "'\($0)'" }.joined(separator: ", ")) }
        if !changed.isEmpty {
            parts.append("changed " + changed.map { "'\($0.nodeID)' (\($0.fields.joined(separator: ", ")))" }.joined(separator: ", "))
        }
        for field in flowFields { parts.append("\(field) changed") }
        return parts.isEmpty ? "no changes" : parts.joined(separator: "; ")
    }

    /// The top-level JSON fields whose values differ between two versions of a node.
    private static func fields(differingBetween old: IVRNode, and new: IVRNode) -> [String] {
        guard old.typeName == new.typeName else { return ["type"] }
        let before = object(old), after = object(new)
        let keys = Set(before.keys).union(after.keys).subtracting(["id"])
        let differing = keys.filter { before[$0] != after[$0] }.sorted()
        return differing.isEmpty ? ["content"] : differing
    }

    private static func object(_ node: IVRNode) -> [String: JSONValue] {
        guard let data = try? JSONEncoder().encode(node),
              case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return [:] }
        return fields
    }
}
