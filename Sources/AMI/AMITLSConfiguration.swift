import NIOCore
import NIOSSL

/// TLS for the AMI connection (Asterisk's `tlsenable` on port 5039).
///
/// The server's certificate is always verified: against the CA certificates in
/// ``trustRootsFile`` when set (a private CA, or Asterisk's self-signed certificate), otherwise
/// against the system's trust store; and its name must match ``serverName`` (or the host).
public struct AMITLSConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// PEM file with the CA certificates to trust; `nil` uses the system trust store.
    public var trustRootsFile: String?
    /// The name the certificate must carry, when it differs from the host connected to (for
    /// example when connecting by IP address to a certificate issued for `pbx.example.com`).
    public var serverName: String?

    /// TLS verified against `trustRootsFile` (or the system roots) and `serverName` (or the host).
    public init(trustRootsFile: String? = nil, serverName: String? = nil) {
        self.trustRootsFile = trustRootsFile
        self.serverName = serverName
    }

    public var description: String {
        "AMITLSConfiguration(trustRoots: \(trustRootsFile ?? "system"), serverName: \(serverName ?? "host"))"
    }

    /// The client context; fails with ``AMIError/Code/tlsFailed`` when the CA file is unusable.
    func makeContext() throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.minimumTLSVersion = .tlsv12
        if let trustRootsFile {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(trustRootsFile)
                guard !certificates.isEmpty else {
                    throw AMIError(.tlsFailed, "no certificate in the TLS CA file \(trustRootsFile)")
                }
                tls.trustRoots = .certificates(certificates)
            } catch let error as AMIError {
                throw error
            } catch {
                throw AMIError(.tlsFailed, "cannot read the TLS CA file \(trustRootsFile): \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw AMIError(.tlsFailed, "cannot set up TLS: \(error)")
        }
    }

    /// The name sent in SNI and checked against the certificate. SNI may not carry an IP
    /// address; for an IP host without ``serverName``, NIOSSL checks the certificate's IP
    /// addresses against the address connected to.
    func hostnameToVerify(host: String) -> String? {
        if let serverName { return serverName }
        return (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}
