import CTICore
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// `GET /api/erlang?calls=100&interval=30m&aht=180s&target=80/20&shrinkage=30`: Erlang C staffing
/// for one interval, for supervisors and admins (the same model as `ctibridge erlang`).
struct ErlangRoute: Sendable {
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    struct Reply: Encodable, Sendable {
        var trafficErlangs: Double
        var target: String
        var required: Staffing
        var scheduled: Int
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/erlang") { request, _ in
            let role = try await principal(request).role
            guard role == .supervisor || role == .admin else { throw HTTPError(.forbidden, message: "staffing is for supervisors and admins") }
            let query = request.uri.queryParameters
            var problems: [String] = []
            func number(_ name: String, default value: Double? = nil, duration: Bool = false) -> Double? {
                guard let text = query[Substring(name)].map(String.init) else {
                    if value == nil { problems.append("\(name) is required") }
                    return value
                }
                let parsed = duration ? DurationText.seconds(text) : Double(text)
                guard let parsed, parsed.isFinite, parsed >= 0 else {
                    problems.append("\(name) must be a non-negative \(duration ? "duration such as 30m or 180s" : "number"), got \(text.debugDescription)")
                    return nil
                }
                return parsed
            }
            let calls = number("calls")
            let interval = number("interval", default: 1800, duration: true)
            let aht = number("aht", duration: true)
            let shrinkage = number("shrinkage", default: 0)
            let targetText = query["target"].map(String.init) ?? "80/20"
            let target = ServiceTarget(parsing: targetText)
            if target == nil { problems.append("target must look like 80/20 (percent/seconds), got \(targetText.debugDescription)") }
            if let shrinkage, shrinkage >= 100 { problems.append("shrinkage must be below 100") }
            guard problems.isEmpty, let calls, let interval, let aht, let shrinkage, let target else {
                throw HTTPError(.badRequest, message: problems.joined(separator: "; "))
            }
            do {
                let model = try ErlangC(calls: calls, intervalSeconds: interval, averageHandleTime: aht)
                let required = try model.requiredAgents(target: target.fraction, threshold: target.thresholdSeconds)
                let scheduled = try ErlangC.scheduled(agents: required.agents, shrinkage: shrinkage / 100)
                return JSONBody(Reply(trafficErlangs: model.traffic, target: target.description, required: required, scheduled: scheduled))
            } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
        }
    }
}
