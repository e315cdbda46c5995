extension CTIBridgeConfig {
    /// Keys under `acd`: who routes the calls.
    public struct ACD: Sendable, Hashable {
        /// Who routes queue calls.
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            /// CTIBridge's own ACD routes calls over ARI (holding bridges, agent legs, recordings).
            case controller
            /// Asterisk's app_queue (queues.conf) routes calls; CTIBridge follows it over AMI for
            /// screen-pops, interactions and statistics.
            case observer
        }

        /// Who routes calls; `controller` by default.
        public var mode: Mode

        public init(mode: Mode = .controller) {
            self.mode = mode
        }
    }
}
