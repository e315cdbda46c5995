import NIOSSL

/// TLS for the simulated AMI listener, like Asterisk's `tlsenable`/`tlscertfile`/`tlsprivatekey`.
public struct AMISimulatorTLS: Sendable, Hashable {
    /// PEM file with the server certificate (and any intermediates).
    public var certificateChainFile: String
    /// PEM file with the certificate's private key.
    public var privateKeyFile: String

    /// TLS with this certificate chain and key.
    public init(certificateChainFile: String, privateKeyFile: String) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
    }

    func makeContext() throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateChainFile).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
    }
}
