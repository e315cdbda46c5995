/// Which of `count` lanes carries work keyed by `key`: FNV-1a of the key's UTF-8, so the same key
/// always lands in the same lane (work for one key stays in order) and runs are reproducible
/// (Swift's `hashValue` is seeded per process).
public func laneIndex(of key: String, count: Int) -> Int {
    precondition(count > 0, "at least one lane")
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(hash % UInt64(count))
}
