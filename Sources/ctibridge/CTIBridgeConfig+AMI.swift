import AMI
import CTIConfig

extension CTIBridgeConfig.AMI {
    /// The AMI client configuration these settings describe (the secret is handed over, not printed).
    var clientConfiguration: AMIClientConfiguration {
        let method: AMICredentials.Method =
            switch authMethod {
            case .plain: .plain
            case .md5: .md5
            }
        let credentials = AMICredentials(username: username, secret: secret.revealed, method: method, events: events)
        var configuration = AMIClientConfiguration(host: host, port: port, credentials: credentials)
        configuration.pingInterval = pingInterval
        configuration.actionTimeout = actionTimeout
        if transport == .tls {
            configuration.tls = AMITLSConfiguration(trustRootsFile: tlsCAFile, serverName: tlsServerName)
        }
        return configuration
    }
}
