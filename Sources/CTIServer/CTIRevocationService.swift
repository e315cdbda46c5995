import ServiceLifecycle

/// Closes the sockets of tokens as the authenticator revokes them, and every socket at shutdown.
struct CTIRevocationService: Service {
    let hub: CTIHub
    let revoked: AsyncStream<String>

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await token in revoked { await hub.revoke(token: token) }
        }
        await hub.closeAll()
    }
}
