/// A small PCM WAV writer: 8 kHz, 16-bit, mono, as Asterisk's `wav` format records.
enum WAVFile {
    static let sampleRate = 8000

    /// A RIFF/WAVE file holding `milliseconds` of a quiet 440 Hz tone.
    static func tone(milliseconds: Int) -> [UInt8] {
        let samples = max(1, sampleRate * milliseconds / 1000)
        var data: [UInt8] = []
        data.reserveCapacity(samples * 2)
        while data.count + onePeriod.count <= samples * 2 { data += onePeriod }
        data += onePeriod.prefix(samples * 2 - data.count)
        var file: [UInt8] = []
        file += Array("RIFF".utf8)
        file += le32(36 + data.count)
        file += Array("WAVE".utf8)
        file += Array("fmt ".utf8)
        file += le32(16)
        file += le16(1)  // PCM
        file += le16(1)  // mono
        file += le32(sampleRate)
        file += le32(sampleRate * 2)  // byte rate
        file += le16(2)  // block align
        file += le16(16)  // bits per sample
        file += Array("data".utf8)
        file += le32(data.count)
        return file + data
    }

    /// One period of a triangle wave (no Foundation math needed, and clearly not silence), as
    /// little-endian samples; a recording repeats it.
    private static let onePeriod: [UInt8] = {
        let period = sampleRate / 440
        var bytes: [UInt8] = []
        for phase in 0..<period {
            let value = (phase < period / 2 ? phase : period - phase) * 4000 / max(1, period / 2) - 2000
            let sample = UInt16(bitPattern: Int16(value))
            bytes.append(UInt8(sample & 0xFF))
            bytes.append(UInt8(sample >> 8))
        }
        return bytes
    }()

    private static func le32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
    }

    private static func le16(_ value: Int) -> [UInt8] {
        (0..<2).map { UInt8((value >> (8 * $0)) & 0xFF) }
    }
}
