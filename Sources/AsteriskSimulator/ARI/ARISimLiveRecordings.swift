import ARI

/// The live recordings by name, indexed by what each records (`channel:<id>`, `bridge:<id>`), so a
/// hang-up or a destroyed bridge finds its recordings without walking every recording in progress
/// (hundreds under call load, each walked for every channel that ends).
struct ARISimLiveRecordings {
    private var byName: [String: ARISimRecording] = [:]
    private var byTarget: [String: Set<String>] = [:]

    /// The live recording called `name`; setting nil ends it.
    subscript(name: String) -> ARISimRecording? {
        get { byName[name] }
        set {
            if let old = byName[name] {
                byTarget[old.recording.targetURI]?.remove(name)
                if byTarget[old.recording.targetURI]?.isEmpty == true { byTarget[old.recording.targetURI] = nil }
            }
            byName[name] = newValue
            if let newValue { byTarget[newValue.recording.targetURI, default: []].insert(name) }
        }
    }

    /// The names of the live recordings of `target` (`channel:<id>` or `bridge:<id>`), sorted.
    func names(recording target: String) -> [String] { byTarget[target]?.sorted() ?? [] }

    /// Every live recording's name with `transform` of it.
    func mapValues<T>(_ transform: (ARISimRecording) -> T) -> [String: T] { byName.mapValues(transform) }
}
