import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Asterisk's REST interface over async-http-client.
///
/// Every method throws ``ARIError``: HTTP errors carry Asterisk's `message` and a code mapped from
/// the status (404 ``ARIError/Code/notFound``, 409 ``ARIError/Code/notInStasis``, …). Logs name the
/// method, path and status only: never the query (it may hold an `api_key`) nor the credentials.
public final class ARIRESTClient: Sendable {
    /// Where and as whom.
    public let configuration: ARIConfiguration
    private let httpClient: HTTPClient
    private let logger: Logger
    /// async-http-client's own logger, kept at info or above: its debug and trace output may show full URLs (and so an `api_key`).
    private let transportLogger: Logger

    /// A client; `httpClient` defaults to ``sharedHTTPClient`` (process-wide, nothing to shut down).
    public init(configuration: ARIConfiguration, httpClient: HTTPClient = ARIRESTClient.sharedHTTPClient, logger: Logger = Logger(label: "ctibridge.ari.rest")) {
        self.configuration = configuration
        self.httpClient = httpClient
        var logger = logger
        logger[metadataKey: "ari.base"] = "\(configuration.baseURL)"
        self.logger = logger
        var transportLogger = logger
        transportLogger.logLevel = max(logger.logLevel, .info)
        self.transportLogger = transportLogger
    }

    /// The process-wide HTTP client for ARI: like async-http-client's `.shared`, but with up to 64
    /// connections to one Asterisk instead of 8. A contact centre sends hundreds of requests a
    /// second; with 8 connections, a burst of slow answers queued requests past their timeout.
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends one request. `path` segments are percent-encoded here; 2xx answers are returned,
    /// anything else is thrown as an ``ARIError``.
    public func send(
        _ method: HTTPMethod, _ path: [String], query: [(String, String)] = [], jsonBody: [UInt8]? = nil,
        timeout: Duration? = nil
    ) async throws(ARIError) -> ARIResponse {
        let pathText = "/" + path.map(ARIPercentEncoding.encode).joined(separator: "/")
        var query = query
        if configuration.credentials.method == .apiKey { query.append(("api_key", configuration.credentials.apiKey)) }
        var url = configuration.baseURL + pathText
        if !query.isEmpty { url += "?" + ARIPercentEncoding.query(query) }

        var request = HTTPClientRequest(url: url)
        request.method = method
        if configuration.credentials.method == .basic {
            request.headers.add(name: "Authorization", value: configuration.credentials.basicAuthorization)
        }
        if let jsonBody {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: jsonBody))
        }
        let timeout = timeout ?? configuration.requestTimeout
        let status: Int
        let location: String?
        let body: [UInt8]
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(timeout.wholeNanoseconds), logger: transportLogger)
            status = Int(response.status.code)
            location = response.headers.first(name: "Location")
            let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
            body = Array(buffer.readableBytesView)
        } catch is CancellationError {
            throw ARIError(.cancelled, "\(method) \(pathText) cancelled")
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw ARIError(.timeout, "\(method) \(pathText) got no answer within \(timeout)")
        } catch let error as HTTPClientError where error == .cancelled {
            throw ARIError(.cancelled, "\(method) \(pathText) cancelled")
        } catch {
            throw ARIError(.transport, "\(method) \(pathText) failed: \(error)")
        }
        logger.debug("ARI request", metadata: ["ari.method": "\(method)", "ari.path": "\(pathText)", "ari.status": "\(status)"])
        guard (200..<300).contains(status) else {
            throw ARIError.http(status: status, body: body, method: "\(method)", path: pathText)
        }
        return ARIResponse(status: status, location: location, body: body)
    }

    /// Sends a request and decodes its JSON answer.
    func json<T: Decodable>(
        _ type: T.Type, _ method: HTTPMethod, _ path: [String], query: [(String, String)] = [], jsonBody: [UInt8]? = nil
    ) async throws(ARIError) -> T {
        let response = try await send(method, path, query: query, jsonBody: jsonBody)
        return try response.decode(T.self, what: "\(method) /\(path.joined(separator: "/")) answer")
    }

    /// Sends a request whose answer has no body worth reading (204).
    func void(_ method: HTTPMethod, _ path: [String], query: [(String, String)] = []) async throws(ARIError) {
        _ = try await send(method, path, query: query)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var wholeNanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}

/// Query helpers: drop absent optional parameters.
extension Array where Element == (String, String) {
    mutating func add(_ name: String, _ value: String?) {
        if let value { append((name, value)) }
    }

    mutating func add(_ name: String, _ value: Int?) {
        if let value { append((name, String(value))) }
    }

    mutating func add(_ name: String, _ value: Bool?) {
        if let value { append((name, value ? "true" : "false")) }
    }
}
