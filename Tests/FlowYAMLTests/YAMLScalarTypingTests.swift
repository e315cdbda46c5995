import CTICore
import FlowYAML
import Foundation
import Testing

/// Numbers versus text: the field decides, so nothing is silently changed (YAML 1.1 vs 1.2 quirks).
@Suite("YAML flows: scalars are read by the field they fill")
struct YAMLScalarTypingTests {
    static func menu(options: String, extra: String = "") -> String {
        """
        id: m
        start: menu
        nodes:
          - id: menu
            type: menu
            prompts: [sound:menu]
            options: \(options)
            fallback: bye\(extra)
          - {id: bye, type: hangup}
        """
    }

    func options(_ flow: IVRFlow) -> [String: String] {
        guard case .menu(let menu) = flow.nodes.first?.kind else { return [:] }
        return menu.options
    }

    @Test("menu keys stay as written: 1, \"2\", 0123 and 010 are text, never numbers")
    func menuKeys() throws {
        let flow = try yamlFlow(Self.menu(options: ##"{1: bye, "2": bye, 0123: bye, 010: bye, "*": bye, "#": bye}"##))
        #expect(Set(options(flow).keys) == ["1", "2", "0123", "010", "*", "#"])
        // 0123 is not a DTMF key: the validator says so, as it would for "0123" in JSON.
        let problems = FlowValidator.problems(in: flow)
        #expect(problems.contains { $0.message.contains("0123") })
    }

    @Test("text fields keep digits, leading zeros, times and YAML 1.1 words as written")
    func textFields() throws {
        let flow = try yamlFlow("""
            id: 0123
            name: no
            start: t
            settings: {language: no}
            nodes:
              - {id: t, type: transfer, extension: 0100, context: on}
              - {id: s, type: set_variable, variables: {flag: yes, zip: 07001, time: 08:00, ratio: 1.50}, next: t}
            """)
        #expect(flow.id == "0123")
        #expect(flow.name == "no")
        #expect(flow.settings.language == "no")
        guard case .transfer(let transfer) = flow.nodes[0].kind, case .setVariable(let set) = flow.nodes[1].kind else {
            Issue.record("unexpected nodes \(flow.nodes)")
            return
        }
        #expect(transfer.extension == "0100")
        #expect(transfer.context == "on")
        #expect(set.variables == ["flag": "yes", "zip": "07001", "time": "08:00", "ratio": "1.50"])
    }

    @Test("number fields take plain decimal numbers only: leading zeros, quoted numbers, hex and .inf are refused")
    func numberFields() throws {
        #expect(yamlError(Self.menu(options: "{1: bye}", extra: "\n    timeout: 05"))?.message.contains("leading zero") == true)
        let quoted = yamlError(Self.menu(options: "{1: bye}", extra: "\n    timeout: \"5\""))
        #expect(quoted?.message == "expected a number")
        #expect(quoted?.path == "nodes[0].timeout")
        #expect(yamlError(Self.menu(options: "{1: bye}", extra: "\n    timeout: 0x10"))?.message == "expected a number")
        #expect(yamlError(Self.menu(options: "{1: bye}", extra: "\n    timeout: .inf"))?.message == "expected a number")
        #expect(yamlError(Self.menu(options: "{1: bye}", extra: "\n    maxRetries: 1.5"))?.message == "expected a whole number")
        let fine = try yamlFlow(Self.menu(options: "{1: bye}", extra: "\n    timeout: 0.5\n    maxRetries: 0"))
        guard case .menu(let menu) = fine.nodes[0].kind else { return }
        #expect(menu.timeout == 0.5)
        #expect(menu.retry.maxRetries == 0)
    }

    @Test("true/false fields take true or false only; yes/no/on/off are refused with a hint")
    func boolFields() throws {
        let play = "id: p\nstart: p\nnodes:\n  - {id: p, type: play, prompts: [sound:x], bargeIn: %@, next: h}\n  - {id: h, type: hangup}\n"
        for word in ["yes", "no", "on", "off", "Y"] {
            let error = yamlError(play.replacingOccurrences(of: "%@", with: word))
            #expect(error?.message.contains("write true or false") == true, "\(word)")
            #expect(error?.path == "nodes[0].bargeIn")
        }
        #expect(yamlError(play.replacingOccurrences(of: "%@", with: "\"true\""))?.message == "expected true or false")
        let flow = try yamlFlow(play.replacingOccurrences(of: "%@", with: "false"))
        guard case .play(let node) = flow.nodes[0].kind else { return }
        #expect(node.bargeIn == false)
    }

    @Test("an unquoted * or # where a DTMF key is meant is refused, not silently lost")
    func starAndHash() throws {
        let star = yamlError(Self.menu(options: "\n      *: bye"))
        #expect(star?.message.contains("quote") == true)
        #expect(star?.line == 8)
        let hashKey = yamlError(Self.menu(options: "\n      1: bye\n      #: bye"))
        #expect(hashKey?.message.contains("comment") == true)
        #expect(hashKey?.line == 9)
        let hashValue = yamlError("""
            id: c
            start: c
            nodes:
              - {id: c, type: collect, prompts: [sound:x], variable: v, next: h, fallback: h,
                 terminator: #
                 }
              - {id: h, type: hangup}
            """)
        #expect(hashValue?.line == 5)
        let blockValue = yamlError("id: c\nstart: c\nnodes:\n  - id: c\n    type: collect\n    terminator: #\n")
        #expect(blockValue?.line == 6)
        #expect(blockValue?.column == 17)
        // Ordinary comments, and '#' inside text, are fine.
        let fine = try yamlFlow("# a flow\nid: c  # its id\nname: 'Press # to finish'\nstart: h\nnodes:\n  - {id: h, type: hangup}  # bye\n")
        #expect(fine.name == "Press # to finish")
    }
}
