import AsyncHTTPClient
import Logging

extension WebhookDispatcher {
    /// A dispatcher for `store`'s outbox that sends with the process-wide shared HTTP client, as
    /// `ctibridge serve` and `demo` run it.
    public init(store: CTIStore, logger: Logger) {
        self.init(store: store, httpClient: HTTPClient.shared, logger: logger)
    }
}
