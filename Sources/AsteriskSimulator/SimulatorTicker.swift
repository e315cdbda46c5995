import NIOCore
import NIOPosix

/// The one thread on which every simulated PBX in the process runs its due call steps.
///
/// Generated traffic can keep that work busy for long stretches (a debug build at tens of calls a
/// second). On a session's event loop it would hold up every connection that shares the loop,
/// Asterisk's and CTIBridge's alike, so it runs here and the OS shares the cores instead.
enum SimulatorTicker {
    static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
}
