// swift-tools-version: 6.2
import PackageDescription

/// One set of compiler settings shared by every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let httpClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")
let wsClient: Target.Dependency = .product(name: "WSClient", package: "swift-websocket")
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")
let nioFoundation: Target.Dependency = .product(name: "NIOFoundationCompat", package: "swift-nio")
let nioSSL: Target.Dependency = .product(name: "NIOSSL", package: "swift-nio-ssl")

let package = Package(
    name: "CTIBridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ctibridge", targets: ["ctibridge"]),
        .executable(name: "ctibridge-bench", targets: ["ctibridge-bench"]),
        .library(name: "CTICore", targets: ["CTICore"]),
        .library(name: "AMI", targets: ["AMI"]),
        .library(name: "ARI", targets: ["ARI"]),
        .library(name: "Telephony", targets: ["Telephony"]),
        .library(name: "AsteriskSimulator", targets: ["AsteriskSimulator"]),
        .library(name: "CTIConfig", targets: ["CTIConfig"]),
        .library(name: "CTIMetrics", targets: ["CTIMetrics"]),
        .library(name: "CTIApp", targets: ["CTIApp"]),
        .library(name: "CTIDemo", targets: ["CTIDemo"]),
        .library(name: "CTIServer", targets: ["CTIServer"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "FlowYAML", targets: ["FlowYAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Pure domain: no I/O, no NIO.
        .target(
            name: "CTICore",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"), .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // IVR flow documents in YAML: a strict YAML reader into the same model and validation as JSON.
        .target(
            name: "FlowYAML",
            dependencies: ["CTICore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Asterisk Manager Interface: framing, pure connection state machine, NIO handler, client.
        .target(
            name: "AMI",
            dependencies: [
                "CTICore", nioCore, nioPosix, nioSSL, logging, lifecycle,
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Asterisk REST Interface: Codable models, REST client, events WebSocket client.
        .target(
            name: "ARI",
            dependencies: [
                "CTICore", nioCore, nioPosix, nioHTTP1, nioFoundation, logging, lifecycle, httpClient, wsClient, httpTypes,
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // AMI/ARI events into domain events; engine decisions into actions.
        .target(name: "Telephony", dependencies: ["CTICore", "AMI", "ARI", logging], swiftSettings: swiftSettings),
        // A stand-in Asterisk speaking real AMI and ARI on loopback.
        .target(
            name: "AsteriskSimulator",
            dependencies: [
                "AMI", "ARI", "CTICore", nioCore, nioPosix, nioFoundation, nioSSL, logging, lifecycle, httpTypes,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Prometheus metrics: pushed counters and gauges read from sources at each scrape.
        .target(
            name: "CTIMetrics",
            dependencies: [.product(name: "Prometheus", package: "swift-prometheus"), logging],
            swiftSettings: swiftSettings
        ),
        // The service put together: IVR → ACD → screen-pops, agent actions, wallboard, storage.
        .target(
            name: "CTIApp",
            dependencies: [
                "CTICore", "AMI", "ARI", "Telephony", "CTIServer", "CTIMetrics", "Storage", "FlowYAML", logging, lifecycle, nioCore,
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // The demo site (agents, queues, seed data) and simulated callers, for `ctibridge demo` and end-to-end tests.
        .target(
            name: "CTIDemo",
            dependencies: ["CTIApp", "CTICore", "ARI", "Telephony", "Storage", "AsteriskSimulator", logging],
            swiftSettings: swiftSettings
        ),
        // Typed configuration: file + environment, validated in one place.
        .target(
            name: "CTIConfig",
            dependencies: [.product(name: "Configuration", package: "swift-configuration")],
            swiftSettings: swiftSettings
        ),
        // CTI screen-pops over WebSocket, the agent desktop and the supervisor wallboard.
        .target(
            name: "CTIServer",
            dependencies: [
                "CTICore", "FlowYAML", logging, lifecycle, nioCore, httpTypes,
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Public")],
            swiftSettings: swiftSettings
        ),
        // SQLite persistence (GRDB): CRM, tickets, users, tokens, audit log, webhook outbox and dispatcher.
        .target(
            name: "Storage",
            dependencies: [
                "CTICore", logging, lifecycle, httpClient, nioCore, nioHTTP1,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ctibridge",
            dependencies: [
                "CTICore", "AMI", "ARI", "Telephony", "AsteriskSimulator", "CTIConfig", logging, lifecycle, nioPosix,
                "Storage", "CTIApp", "CTIDemo", "CTIServer", "CTIMetrics", "FlowYAML",
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ctibridge-bench",
            dependencies: [
                "AMI", "CTICore", "CTIServer", nioCore, nioPosix, "ARI", "Telephony", "AsteriskSimulator", "Storage", logging, wsClient,
                "CTIApp", "CTIDemo", "FlowYAML", lifecycle,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/ctibridge-bench",
            swiftSettings: swiftSettings
        ),
        // Shared by test targets: the recorded Asterisk captures and small helpers.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        // Headless Chromium over the DevTools protocol, for tests that read rendered pages.
        .target(
            name: "BrowserSupport", dependencies: [httpClient, logging, nioCore, wsClient], path: "Tests/BrowserSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "CTICoreTests", dependencies: ["CTICore", "TestSupport"], swiftSettings: swiftSettings),
        // YAML flow documents: syntax errors, rejected features, scalar typing, equality with the JSON samples.
        .testTarget(name: "FlowYAMLTests", dependencies: ["FlowYAML", "CTICore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AMITests",
            dependencies: [
                "AMI", "CTICore", "AsteriskSimulator", "TestSupport", nioCore, nioPosix, nioSSL, logging,
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ARITests",
            dependencies: [
                "ARI", "CTICore", "AsteriskSimulator", "TestSupport", nioCore, nioPosix, nioHTTP1, nioFoundation, logging,
                httpClient, httpTypes,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TelephonyTests", dependencies: ["Telephony", "AMI", "CTICore", "TestSupport", nioCore, .product(name: "NIOEmbedded", package: "swift-nio")], swiftSettings: swiftSettings),
        .testTarget(
            name: "AsteriskSimulatorTests",
            dependencies: [
                "AsteriskSimulator", "AMI", "ARI", "CTICore", "TestSupport", nioCore, nioPosix, nioHTTP1, nioFoundation, logging,
                lifecycle, httpClient, wsClient, httpTypes,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CTIMetricsTests", dependencies: ["CTIMetrics", logging], swiftSettings: swiftSettings),
        .testTarget(
            name: "CTIServerTests",
            dependencies: [
                "CTIServer", "CTICore", "BrowserSupport", "TestSupport", nioCore, nioPosix, nioHTTP1, logging, wsClient, httpClient, httpTypes,
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "CTICore", "TestSupport", logging, lifecycle, nioCore, nioPosix, httpTypes,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CTIConfigTests",
            dependencies: ["CTIConfig", .product(name: "Configuration", package: "swift-configuration")],
            swiftSettings: swiftSettings
        ),
        // The IVR runner end to end: real flows through the ARI simulator over loopback.
        .testTarget(
            name: "IVRIntegrationTests",
            dependencies: ["Telephony", "ARI", "AsteriskSimulator", "CTICore", "TestSupport", logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ACDWiringTests",
            dependencies: ["Telephony", "AsteriskSimulator", "AMI", "ARI", "CTICore", "TestSupport", logging],
            swiftSettings: swiftSettings
        ),
        // The REST API over loopback: real SQLite temp files, real Hummingbird on 127.0.0.1:0.
        .testTarget(
            name: "APITests",
            dependencies: [
                "AMI", "CTIApp", "CTIServer", "CTICore", "FlowYAML", "Storage", "Telephony", "TestSupport", logging, httpClient, nioCore, nioHTTP1, httpTypes, wsClient,
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            swiftSettings: swiftSettings
        ),
        // QA over HTTP: the QA API on a real server and SQLite file, recordings, retention, the QA page in Chromium.
        .testTarget(
            name: "QATests",
            dependencies: [
                "CTIApp", "CTIDemo", "CTICore", "CTIServer", "Storage", "Telephony", "ARI", "AsteriskSimulator", "BrowserSupport", "TestSupport",
                logging, httpClient, nioCore, nioPosix, nioHTTP1, httpTypes, lifecycle, .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
            // The whole service over loopback: simulator → IVR → ACD → SQLite → CTI server → browser.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CTIApp", "CTIDemo", "CTICore", "CTIServer", "Storage", "Telephony", "AMI", "ARI", "AsteriskSimulator", "BrowserSupport", "TestSupport",
                logging, httpClient, wsClient, nioCore, nioHTTP1, httpTypes,
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
