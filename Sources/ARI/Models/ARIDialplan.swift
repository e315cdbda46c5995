/// A dialplan location and the application running there (Swagger `DialplanCEP`).
public struct ARIDialplan: Codable, Sendable, Hashable {
    /// Context.
    public var context: String
    /// Extension.
    public var exten: String
    /// Priority.
    public var priority: Int
    /// Application name (`Stasis`, `AppDial2`, …).
    public var appName: String
    /// Application arguments.
    public var appData: String

    enum CodingKeys: String, CodingKey {
        case context, exten, priority
        case appName = "app_name"
        case appData = "app_data"
    }

    /// A dialplan location.
    public init(context: String, exten: String, priority: Int, appName: String = "", appData: String = "") {
        self.context = context
        self.exten = exten
        self.priority = priority
        self.appName = appName
        self.appData = appData
    }
}
