import CTICore
import Foundation
import Yams

/// Reads YAML text into `YAMLElement`s, refusing what a flow document has no use for.
///
/// Refused, each with its line and column: syntax errors, several documents in one file, anchors
/// and aliases (`&name`, `*name`, also merge keys `<<: *name`), explicit tags other than
/// `!!str`/`!!map`/`!!seq` (`!!binary`, `!custom`, …), keys that are not plain text, duplicate keys,
/// nesting deeper than 200 levels, and what `YAMLLineCheck` finds before parsing.
enum YAMLReader {
    static let maxDepth = 200

    static func read(_ data: Data) throws(FlowDecodingError) -> YAMLElement {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FlowDecodingError(line: nil, column: nil, path: "", message: "the document is not UTF-8 text")
        }
        try YAMLLineCheck.check(text)
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw FlowDecodingError(line: nil, column: nil, path: "", message: "\(error)")
        }
        guard let root else { throw FlowDecodingError(line: nil, column: nil, path: "", message: "the document is empty") }
        // Nodes hold their anchors weakly and the parser holds them strongly: keep it alive while
        // checking, so that the first anchored node (in document order, before any alias to it) is
        // found and refused before a single alias is followed.
        return try withExtendedLifetime(parser) { () throws(FlowDecodingError) -> YAMLElement in
            try element(root, path: "", depth: 0)
        }
    }

    private static let allowedTags: Set<String> = ["", "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]

    private static func element(_ node: Node, path: String, depth: Int) throws(FlowDecodingError) -> YAMLElement {
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        func failure(_ message: String) -> FlowDecodingError {
            FlowDecodingError(line: node.mark?.line, column: node.mark?.column, path: path, message: message)
        }
        guard depth < maxDepth else { throw failure("nesting is too deep") }
        if let anchor = node.anchor {
            throw failure("anchors and aliases (&\(anchor.rawValue), *\(anchor.rawValue)) are not allowed in a flow; write the value out")
        }
        switch node {
        case .scalar(let scalar):
            try checkTag(scalar.tag, failure)
            return YAMLElement(content: .scalar(scalar.string, plain: scalar.style == .plain), line: line, column: column)
        case .sequence(let sequence):
            try checkTag(sequence.tag, failure)
            var elements: [YAMLElement] = []
            for (index, child) in sequence.enumerated() {
                elements.append(try element(child, path: "\(path)[\(index)]", depth: depth + 1))
            }
            return YAMLElement(content: .sequence(elements), line: line, column: column)
        case .mapping(let mapping):
            try checkTag(mapping.tag, failure)
            var entries = YAMLMapping()
            for (keyNode, valueNode) in mapping {
                let keyFailure = { (message: String) in
                    FlowDecodingError(line: keyNode.mark?.line, column: keyNode.mark?.column, path: path, message: message)
                }
                guard case .scalar(let key) = keyNode, keyNode.anchor == nil else {
                    throw keyFailure("a key must be plain text, not a list, a mapping or an alias")
                }
                try checkTag(key.tag, keyFailure)
                let member = path.isEmpty ? key.string : path + "." + key.string
                let value = try element(valueNode, path: member, depth: depth + 1)
                guard entries.insert(key.string, value) else { throw keyFailure("duplicate key '\(key.string)'") }
            }
            return YAMLElement(content: .mapping(entries), line: line, column: column)
        case .alias(let alias):
            throw failure("aliases (*\(alias.anchor.rawValue)) are not allowed in a flow; write the value out")
        }
    }

    private static func checkTag(_ tag: Tag, _ failure: (String) -> FlowDecodingError) throws(FlowDecodingError) {
        guard allowedTags.contains(tag.rawValue) else {
            throw failure("the tag '\(tag.rawValue)' is not allowed in a flow; write plain values (quote text)")
        }
    }

    private static func describe(_ error: YamlError) -> FlowDecodingError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text), line \(context.mark.line), column \(context.mark.column))" }
            if problem.contains("alias") || problem.contains("anchor") || context?.text.contains("alias") == true
                || context?.text.contains("anchor") == true
            {
                message += "; '*' and '&' start aliases and anchors in YAML: quote a DTMF key or value, e.g. \"*\""
            }
            if problem.contains("but found another document") {
                return FlowDecodingError(line: mark.line, column: mark.column, path: "", message: "a flow file holds one document; found a second ('---')")
            }
            return FlowDecodingError(line: mark.line, column: mark.column, path: "", message: "YAML syntax error: " + message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return FlowDecodingError(
                line: context.mark.line, column: context.mark.column, path: "",
                message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return FlowDecodingError(line: nil, column: nil, path: "", message: "unreadable YAML text: \(problem)")
        default:
            return FlowDecodingError(line: nil, column: nil, path: "", message: "unreadable YAML: \(error)")
        }
    }
}
