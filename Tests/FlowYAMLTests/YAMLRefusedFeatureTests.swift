import CTICore
import FlowYAML
import Foundation
import Testing

/// YAML features a flow has no use for are refused with a clear error, never expanded or executed.
@Suite("YAML flows: anchors, aliases, tags, duplicates and extra documents are refused")
struct YAMLRefusedFeatureTests {
    @Test("anchors and aliases are refused, also as merge keys")
    func anchorsAndAliases() throws {
        let alias = yamlError("""
            id: x
            start: a
            nodes:
              - &hangup {id: a, type: hangup}
              - *hangup
            """)
        #expect(alias?.message.contains("anchors and aliases") == true)
        #expect(alias?.line == 4)
        let merge = yamlError("""
            id: x
            start: a
            defaults: &d {type: hangup}
            nodes:
              - <<: *d
                id: a
            """)
        #expect(merge?.message.contains("anchors and aliases") == true)
        #expect(yamlError("id: x\nstart: *nothing\n")?.message.contains("alias") == true)
    }

    @Test("an alias expansion bomb is refused without expanding it")
    func billionLaughs() throws {
        var text = "id: bomb\nstart: a\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...30 {
            let previous = "*l\(level - 1)"
            text += "lol\(level): &l\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        text += "nodes: [{id: a, type: hangup}]\n"
        let error = yamlError(text)
        #expect(error?.message.contains("anchors and aliases") == true)
        #expect(error?.line == 3)
        // Aliases as keys would be compared by value while parsing: refused before parsing.
        let keyBomb = text + "? *l30\n: x\n"
        #expect(yamlError(keyBomb)?.message.contains("explicit keys") == true)
        let implicitKeyBomb = text + "*l30 : x\n*l29 : y\n"
        let implicit = yamlError(implicitKeyBomb)
        #expect(implicit?.message.contains("as keys") == true)
        #expect(implicit?.line == 35)
        let flowKeyBomb = text + "keys: {[*l30, *l29]: x}\n"
        #expect(yamlError(flowKeyBomb)?.message.contains("as keys") == true)
    }

    @Test("explicit tags other than !!str, !!map, !!seq are refused")
    func tags() throws {
        for tagged in ["!!binary aGVsbG8=", "!custom x", "!!int 5", "!!python/object:os.system ls", "!<tag:example.com,2026:x> y"] {
            let error = yamlError("id: x\nname: \(tagged)\nstart: a\nnodes: [{id: a, type: hangup}]\n")
            #expect(error?.message.contains("tag") == true, "\(tagged)")
            #expect(error?.line == 2, "\(tagged)")
        }
        #expect(yamlError("id: x\nstart: a\nnodes: !!set {a: null}\n")?.message.contains("tag") == true)
        #expect(try yamlFlow("id: !!str 12\nstart: a\nnodes: [{id: a, type: hangup}]\n").id == "12")
    }

    @Test("duplicate keys are refused with their line, also when one is quoted")
    func duplicateKeys() throws {
        let error = yamlError("id: x\nstart: a\nnodes: [{id: a, type: hangup}]\nstart: b\n")
        #expect(error?.message.contains("duplicate key 'start'") == true)
        let quoted = yamlError(YAMLScalarTypingTests.menu(options: #"{1: bye, "1": bye}"#))
        #expect(quoted?.message.contains("duplicate key '1'") == true)
        #expect(quoted?.line == 7)
    }

    @Test("keys must be plain text; a second document is refused; deep nesting is refused")
    func shapes() throws {
        #expect(yamlError("? [a, b]\n: x\nid: y\n")?.message.contains("explicit keys") == true)
        #expect(yamlError("[a, b]: x\nid: y\n")?.message.contains("a key must be plain text") == true)
        let second = yamlError("id: x\nstart: a\nnodes: [{id: a, type: hangup}]\n---\nid: y\n")
        #expect(second?.message.contains("one document") == true)
        #expect(second?.line == 4)
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(yamlError("id: x\nnodes: \(deep)\n") != nil)
        let nested = "id: x\nstart: a\nsettings: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        #expect(yamlError(nested)?.message.contains("too deep") == true)
        #expect(throws: FlowDecodingError.self) { try IVRFlow.decode(yaml: Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE])) }
    }
}
