import Hummingbird
import Logging

/// Turns every error a route (or the router, for unknown paths) throws into an ``APIError``
/// body, so all 4xx and 5xx answers share one shape. Unexpected errors are logged, not shown.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError(error)
            if apiError.status.code >= 500 {
                logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return apiError.response()
        }
    }
}
