/// Generated call traffic on the live simulator.
extension AMISimulator {
    /// Starts generated calls (replacing any in progress); agents answer as the profile says.
    public func startTraffic(_ profile: TrafficProfile, seed: UInt64) {
        perform { pbx, _ in pbx.startTraffic(profile, seed: seed) }
    }

    /// Stops new generated calls; calls in progress go on to their end.
    public func stopTraffic() {
        perform { pbx, _ in pbx.stopTraffic() }
    }

    /// Generates calls with `profile` until the task is cancelled, then stops new arrivals.
    public func runTraffic(profile: TrafficProfile, seed: UInt64) async throws {
        startTraffic(profile, seed: seed)
        defer { stopTraffic() }
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(3600)) } catch { break }
        }
    }
}
