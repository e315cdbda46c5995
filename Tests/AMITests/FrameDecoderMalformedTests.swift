import AMI
import NIOCore
import NIOTestUtils
import Testing

@Suite("AMI frame decoder on bad input")
struct FrameDecoderMalformedTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func code(_ frame: AMIFrame) -> AMIFrameError.Code? {
        if case .malformed(let error) = frame { return error.code }
        return nil
    }

    @Test("a line without a colon rejects that message only, and the next one is read")
    func missingColon() throws {
        let frames = try decodeAll(bytes("Asterisk Call Manager/11.0.0\r\nEvent: A\r\nno colon here\r\n\r\nEvent: B\r\n\r\n"))
        #expect(frames.count == 3)
        #expect(code(frames[1]) == .missingColon)
        if case .malformed(let error) = frames[1] {
            #expect(error.excerpt.contains("no colon here"))
            #expect(error.description.contains("without ':'"))
        }
        #expect(frames[2] == .message(AMIMessage(["Event": "B"])))
    }

    @Test("a stream cut mid-message ends with a truncated frame")
    func truncated() throws {
        let frames = try decodeToEOF(bytes("Asterisk Call Manager/11.0.0\r\nEvent: A\r\n\r\nEvent: B\r\nChan"))
        #expect(frames.count == 3)
        #expect(frames[1] == .message(AMIMessage(["Event": "A"])))
        #expect(code(frames[2]) == .truncated)
    }

    @Test("an over-long line is dropped with its message, then reading goes on")
    func lineTooLong() throws {
        let limits = AMIFrameDecoder.Limits(maxLineLength: 100, maxMessageBytes: 10_000, maxHeaders: 100)
        let long = String(repeating: "x", count: 5_000)
        let input = bytes("Asterisk Call Manager/11.0.0\r\nEvent: A\r\nValue: \(long)\r\nMore: 1\r\n\r\nEvent: B\r\n\r\n")
        for chunk in [nil, 1, 13, 512] as [Int?] {
            let frames = try decodeAll(input, limits: limits, chunk: chunk)
            #expect(frames.count == 3, "chunk \(String(describing: chunk))")
            #expect(code(frames[1]) == .lineTooLong)
            #expect(frames[2] == .message(AMIMessage(["Event": "B"])))
        }
    }

    @Test("an over-large message is dropped, then reading goes on")
    func messageTooLarge() throws {
        let limits = AMIFrameDecoder.Limits(maxLineLength: 1_000, maxMessageBytes: 2_000, maxHeaders: 10_000)
        let lines = (0..<200).map { "Output: line \($0)\r\n" }.joined()
        let input = bytes("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n\(lines)\r\nEvent: B\r\n\r\n")
        for chunk in [nil, 100, 4096] as [Int?] {
            let frames = try decodeAll(input, limits: limits, chunk: chunk)
            #expect(frames.count == 3)
            #expect(code(frames[1]) == .messageTooLarge)
            if case .malformed(let error) = frames[1] { #expect(error.byteCount > 2_000) }
            #expect(frames[2] == .message(AMIMessage(["Event": "B"])))
        }
    }

    @Test("too many header lines are rejected")
    func tooManyHeaders() throws {
        let limits = AMIFrameDecoder.Limits(maxLineLength: 1_000, maxMessageBytes: 1_000_000, maxHeaders: 10)
        let lines = (0..<20).map { "Output: \($0)\r\n" }.joined()
        let frames = try decodeAll(bytes("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n\(lines)\r\n"), limits: limits)
        #expect(frames.count == 2)
        #expect(code(frames[1]) == .tooManyHeaders)
    }

    @Test("garbage bytes never crash and never stop later messages")
    func garbage() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            var input = Array("Asterisk Call Manager/11.0.0\r\n".utf8)
            input += (0..<Int.random(in: 1...2_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            input += Array("\r\n\r\nEvent: After\r\nRound: \(round)\r\n\r\n".utf8)
            let frames = try decodeAll(input, chunk: Int.random(in: 1...700, using: &generator))
            #expect(frames.last == .message(AMIMessage(["Event": "After", "Round": "\(round)"])))
        }
    }

    @Test("a first line that is not a greeting is reported")
    func badGreeting() throws {
        let frames = try decodeAll(bytes("HTTP/1.1 400 Bad Request\r\n\r\n"))
        #expect(code(frames[0]) == .unexpectedGreeting)
        // A server that skips the banner and starts with a header is still read.
        let headerFirst = try decodeAll(bytes("Response: Success\r\n\r\n"))
        #expect(headerFirst == [.message(AMIMessage(["Response": "Success"]))])
    }

    @Test("stray blank lines between messages are ignored; leading blanks in values are skipped")
    func blanks() throws {
        let frames = try decodeAll(bytes("Asterisk Call Manager/11.0.0\r\n\r\n\r\nEvent:   Spaced\r\nEmpty:\r\nColon: a: b\r\n\r\n\n"))
        #expect(frames == [.greeting(version: "11.0.0"), .message(AMIMessage(["Event": "Spaced", "Empty": "", "Colon": "a: b"]))])
    }

    @Test("malformed input decodes the same under every split")
    func verifierOnMalformed() throws {
        let bad = "Event: A\r\nno colon\r\n\r\n"
        let good = "Event: B\r\nX: \r\n\r\n"
        let expectedBad = try decodeAll(Array(bad.utf8), expectGreeting: false)
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [(bad, expectedBad), (good, [.message(AMIMessage(["Event": "B", "X": ""]))])],
            decoderFactory: { AMIFrameDecoder(expectGreeting: false) }
        )
    }

    @Test("C escapes in values are undone on read and kept raw on request")
    func cEscapes() throws {
        let frames = try decodeAll(bytes("Asterisk Call Manager/11.0.0\r\nEvent: Newchannel\r\nCallerIDName: O\\'Brien \\\"Jr\\\"\\tX\\\\Y\\q\r\n\r\n"))
        guard case .message(let message) = frames[1] else { Issue.record("no message"); return }
        #expect(message["CallerIDName"] == "O'Brien \"Jr\"\tX\\Y\\q")
        #expect(message.rawValue("CallerIDName") == "O\\'Brien \\\"Jr\\\"\\tX\\\\Y\\q")
        #expect(AMIMessage.escapeValue("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    }
}
