import AsteriskSimulator
import AsyncHTTPClient
import CTICore
import CTIDemo
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport
import Testing

/// One call through every step of its life, each through the product's public surface: the
/// caller dials the simulator over loopback ARI and keys through the IVR; the agent works it on
/// the agent WebSocket; everything else (recordings, tickets, QA, statistics) over the REST API
/// and `/metrics`. A real SQLite file underneath.
@Suite("End to end: the life of one call", .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
struct LifeOfACallTests {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Le Van C, a customer in the CRM (not a VIP), calls the main line and presses 2 (support),
    /// then types the account number; only agent 1003 is ready.
    @Test("inbound → IVR → queue → agent → recording → wrap-up → ticket → QA evaluation → statistics")
    func lifeOfACall() async throws {
        try await Deployment.with { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            let simulator = try #require(deployment.simulator)
            try await run.onlyAgent("1003", of: deployment.acd)
            let client = ServiceClient(base: run.http)
            let agent = try await client.login("1003")
            let supervisor = try await client.login("supervisor")
            let evaluator = try await client.login("qa-lead")

            let placed = ContinuousClock.now
            let told = Told()
            try await client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1003")

                // 1. The call comes in on the simulator; the IVR plays the menu, the caller keys 2 and the account number.
                let channel = try callers.call(from: "+84903111222", name: "Le Van C", menu: "2")

                // 2. The agent's socket pops the offer, then connected, with the IVR's path and digits and the customer.
                guard case .offer(let offer) = try await socket.pop("offer", call: channel) else { throw Missing(description: "no offer") }
                #expect(offer.queue == "support")
                #expect(offer.callerNumber == "+84903111222")
                #expect(offer.dnis == "7000")
                #expect(offer.ivrPath.contains("main") && offer.ivrPath.contains("account") && offer.ivrPath.contains("support-queue"))
                #expect(offer.collectedDigits["account"] == "1234567")
                let customer = try #require(offer.customer)
                #expect(customer.name == "Le Van C" && customer.company == "Hanoi Print" && !customer.vip)
                let customerID = customer.id
                let offerWait = offer.waitSeconds
                guard case .connected(let connected) = try await socket.pop("connected", call: channel) else {
                    throw Missing(description: "no connected pop")
                }
                let timeToConnect = ContinuousClock.now - placed
                #expect(connected.customer?.id == customerID)
                let recordingID = try #require(connected.recordingID)
                // The simulator took the DTMF the IVR asked for, and bridged the caller with the agent's phone.
                let menuPlayed = simulator.requestLog.requests(forChannel: channel).contains { entry in
                    entry.method == "POST" && entry.path.contains("/play") && (entry.query["media"] ?? []).contains("sound:main-menu")
                }
                #expect(menuPlayed)
                #expect(simulator.bridgeID(ofChannel: channel) != nil)

                // During the call the agent opens a ticket from the desktop (it carries the call's id).
                let duringCall = try await socket.act(.createTicket(
                    callID: channel, subject: "Reprint quote", description: "Asked during the call", priority: "normal"))
                #expect(duringCall.ok, "createTicket during the call: \(String(describing: duringCall.error))")
                let firstTicket = try #require(duringCall.result["ticketID"])

                // 3. The caller talks for a second at least, then hangs up: call ended, then wrap-up.
                try await Task.sleep(for: .seconds(1))
                try callers.hangUp(channel)
                guard case .callEnded(let ended) = try await socket.pop("callEnded", call: channel) else {
                    throw Missing(description: "no callEnded pop")
                }
                let timeToEnd = ContinuousClock.now - placed
                let talk = ended.talkSeconds
                #expect(talk >= 0.9, "talk \(talk) s")
                #expect(talk <= (timeToEnd - timeToConnect).seconds + offerWait + 1, "talk \(talk) s")
                guard case .wrapUp(let wrapUp) = try await socket.pop("wrapUp", call: channel) else { throw Missing(description: "no wrapUp pop") }
                let disposition = try #require(wrapUp.dispositions.first)

                // 4. Wrap-up on the desktop's socket: a ticket linked to the call, the disposition, then ready.
                let created = try await socket.act(.createTicket(
                    callID: channel, subject: "Print run 40 days late", description: "Caller wants a new date", priority: "high"))
                #expect(created.ok, "createTicket: \(String(describing: created.error))")
                let ticketID = try #require(created.result["ticketID"])
                let disposed = try await socket.act(.setDisposition(callID: channel, disposition: disposition, note: "new date promised"))
                #expect(disposed.ok, "setDisposition: \(String(describing: disposed.error))")
                var states: [AgentStateKind] = []
                let ready = try await socket.act(.endWrapUp) { frame in
                    if case .pop(_, .stateChanged(let change)) = frame { states.append(change.state) }
                }
                #expect(ready.ok, "endWrapUp: \(String(describing: ready.error))")
                if !states.contains(.ready) {
                    _ = try await socket.first { frame -> Bool? in
                        if case .pop(_, .stateChanged(let change)) = frame, change.state == .ready { true } else { nil }
                    }
                }
                told.set(Story(
                    channel: channel, recordingID: recordingID, customerID: customerID, ticketID: ticketID, firstTicket: firstTicket, talk: talk,
                    timeToConnect: timeToConnect, timeToReady: ContinuousClock.now - placed))
            }
            let story = try #require(told.value, "the call did not reach the end of wrap-up")
            let (channel, recordingID, customerID, ticketID, talk) = (story.channel, story.recordingID, story.customerID, story.ticketID, story.talk)
            let timeToConnect = story.timeToConnect

            // The stored interaction, over the API: the customer's history holds the call with everything on it.
            let history = try await client.request(.GET, "/api/customers/\(customerID)/interactions", token: agent)
            #expect(history.status == 200)
            let items = history.object?["items"] as? [[String: Any]] ?? []
            let interaction = try #require(items.first { $0["callID"] as? String == channel }, "history: \(items)")
            #expect(interaction["agent"] as? String == "1003")
            #expect(interaction["queue"] as? String == "support")
            #expect((interaction["ivrPath"] as? [String])?.contains("account") == true)
            #expect((interaction["disposition"] as? String)?.hasSuffix("new date promised") == true)
            #expect(interaction["recordingReference"] as? String == recordingID)
            // Both tickets, the one made during the call as well as the one in wrap-up.
            #expect((interaction["ticketIDs"] as? [Int])?.map(String.init).sorted() == [story.firstTicket, ticketID].sorted(), "\(interaction)")
            let storedWait = try #require(interaction["waitSeconds"] as? Double)
            let storedTalk = try #require(interaction["talkSeconds"] as? Double)
            #expect(abs(storedTalk - talk) < 0.001)
            #expect(storedWait > 0 && storedWait <= timeToConnect.seconds, "wait \(storedWait) s")

            // The ticket, over the API: linked to the interaction and its recording, for the customer.
            let ticket = try await client.request(.GET, "/api/tickets/\(ticketID)", token: agent)
            #expect(ticket.status == 200)
            #expect(ticket.object?["subject"] as? String == "Print run 40 days late")
            #expect((ticket.object?["customerID"] as? Int).map(String.init) == customerID)
            // The one made during the call, before the interaction was written, has the customer too.
            let during = try await client.request(.GET, "/api/tickets/\(story.firstTicket)", token: agent)
            #expect((during.object?["customerID"] as? Int).map(String.init) == customerID, "\(String(decoding: during.body, as: UTF8.self))")
            let links = try await client.request(.GET, "/api/tickets/\(ticketID)/links", token: agent)
            let linked = (try? JSONSerialization.jsonObject(with: links.body)) as? [[String: Any]] ?? []
            #expect(linked.contains { $0["kind"] as? String == "interaction" && $0["reference"] as? String == "\(interaction["id"] ?? "")" })
            #expect(linked.contains { $0["kind"] as? String == "recording" && $0["reference"] as? String == recordingID }, "links: \(linked)")

            // 3. The recording: indexed (the agent on the call may see it), audio served with range requests.
            var entry: [String: Any]?
            _ = try await poll(timeout: .seconds(30)) {
                let reply = try await client.request(.GET, "/api/recordings/\(recordingID)", token: agent)
                entry = reply.status == 200 ? reply.object : nil
                return entry != nil
            }
            let recording = try #require(entry, "recording \(recordingID) was not indexed")
            #expect(recording["callID"] as? String == channel)
            #expect(recording["agentID"] as? String == "1003")
            #expect(recording["queue"] as? String == "support")
            #expect((recording["customerID"] as? Int).map(String.init) == customerID)
            #expect(recording["format"] as? String == "wav")
            #expect(abs((recording["durationSeconds"] as? Double ?? 0) - talk) < 0.001)
            let whole = try await Self.audio(run.http, recordingID, token: agent)
            #expect(whole.status == 200)
            #expect(whole.body.count > 44)
            let head = try await Self.audio(run.http, recordingID, token: agent, range: "bytes=0-11")
            #expect(head.status == 206)
            #expect(head.contentRange == "bytes 0-11/\(whole.body.count)")
            #expect(head.body.count == 12)
            #expect(head.body.prefix(4) == Data("RIFF".utf8) && head.body.suffix(4) == Data("WAVE".utf8))
            #expect(head.body == whole.body.prefix(12))
            let tail = try await Self.audio(run.http, recordingID, token: agent, range: "bytes=-10")
            #expect(tail.status == 206 && tail.body == whole.body.suffix(10))
            let beyond = try await Self.audio(run.http, recordingID, token: agent, range: "bytes=\(whole.body.count + 10)-")
            #expect(beyond.status == 416)
            #expect(try await Self.audio(run.http, recordingID, token: nil).status == 401)

            // 5. QA: the call is on the evaluator's work list; a draft, answers, submit; the score is QAScorer's.
            var listed: [String: Any]?
            _ = try await poll(timeout: .seconds(30)) {
                let reply = try await client.request(.GET, "/api/qa/worklist", token: evaluator)
                let list = (try? JSONSerialization.jsonObject(with: reply.body)) as? [[String: Any]] ?? []
                listed = list.first { $0["callID"] as? String == channel }
                return listed != nil
            }
            let item = try #require(listed, "call \(channel) is not on qa-lead's work list")
            #expect(item["agentID"] as? String == "1003")
            #expect(item["recordingID"] as? String == recordingID)
            let started = try await client.request(
                .POST, "/api/qa/evaluations", token: evaluator, body: #"{"callID":"\#(channel)","scorecardID":"\#(DemoSite.scorecard.id)"}"#)
            #expect(started.status == 201, "\(String(decoding: started.body, as: UTF8.self))")
            let evaluationID = try #require(started.object?["id"] as? String)
            #expect(started.object?["state"] as? String == "draft")
            #expect(started.object?["recordingID"] as? String == recordingID)
            let answers: [String: QAAnswer] = ["greeting": .yes, "verify": .yes, "tone": .scale(3), "resolve": .yes, "upsell": .notApplicable]
            let engine = try QAScorer.score(answers, on: DemoSite.scorecard)
            let answerJSON = answers.sorted { $0.key < $1.key }.map { key, answer in
                if case .scale(let value) = answer { #""\#(key)":\#(value)"# } else { #""\#(key)":"\#(answer.wireValue)""# }
            }.joined(separator: ",")
            let saved = try await client.request(
                .PUT, "/api/qa/evaluations/\(evaluationID)", token: evaluator,
                body: #"{"answers":{\#(answerJSON)},"comments":[{"offsetSeconds":0.5,"text":"Good promise of a date"}]}"#)
            #expect(saved.status == 200, "\(String(decoding: saved.body, as: UTF8.self))")
            let submitted = try await client.request(.POST, "/api/qa/evaluations/\(evaluationID)/submit", token: evaluator)
            #expect(submitted.status == 200, "\(String(decoding: submitted.body, as: UTF8.self))")
            #expect(submitted.object?["state"] as? String == "submitted")
            let score = try #require(submitted.object?["score"] as? [String: Any])
            let percent = try #require(score["percent"] as? Double)
            let expected = try #require(engine.percent)
            #expect(abs(percent - expected) < 1e-9, "API \(percent) %, QAScorer \(expected) %")
            #expect(score["passed"] as? Bool == engine.passed)

            // The agent sees their evaluation and acknowledges it.
            let mine = try await client.request(.GET, "/api/qa/evaluations", token: agent)
            let own = (try? JSONSerialization.jsonObject(with: mine.body)) as? [[String: Any]] ?? []
            let seen = try #require(own.first { $0["id"] as? String == evaluationID }, "agent's evaluations: \(own)")
            #expect(seen["state"] as? String == "submitted")
            #expect(((seen["score"] as? [String: Any])?["percent"] as? Double).map { abs($0 - expected) < 1e-9 } == true)
            let acknowledged = try await client.request(.POST, "/api/qa/evaluations/\(evaluationID)/acknowledge", token: agent)
            #expect(acknowledged.status == 200, "\(String(decoding: acknowledged.body, as: UTF8.self))")
            #expect(acknowledged.object?["state"] as? String == "acknowledged")

            // The QA report shows the agent's score.
            let report = try await client.request(.GET, "/api/qa/reports?by=agent", token: evaluator)
            #expect(report.status == 200)
            let lines = (try? JSONSerialization.jsonObject(with: report.body)) as? [[String: Any]] ?? []
            let line = try #require(lines.first { $0["key"] as? String == "1003" }, "report: \(lines)")
            #expect(line["count"] as? Int == 1)
            #expect((line["average"] as? Double).map { abs($0 - expected) < 1e-9 } == true)

            // 6. Statistics: the wallboard counts the call answered in support, 1003 ready again.
            var row: WallboardSnapshot.QueueRow?
            var agentRow: WallboardSnapshot.AgentRow?
            _ = try await poll {
                let board = try await client.wallboard(token: supervisor)
                row = board.queues.first { $0.queue == "support" }
                agentRow = board.agents.first { $0.agentID == "1003" }
                return row?.answeredToday == 1 && agentRow?.state == .ready
            }
            #expect(row?.answeredToday == 1, "support row: \(String(describing: row))")
            #expect(row?.abandonedToday == 0)
            #expect(row?.waiting == 0)
            #expect(row?.serviceLevelToday == (storedWait <= 20 ? 1 : 0))
            #expect(agentRow?.state == .ready, "1003: \(String(describing: agentRow))")
            #expect(try await client.request(.GET, "/metrics", token: agent).status == 403, "agents do not read /metrics")
            let metrics = try await client.request(.GET, "/metrics", token: supervisor)
            #expect(metrics.status == 200)
            let exposition = String(decoding: metrics.body, as: UTF8.self)
            #expect(Self.sample(exposition, "ctibridge_calls_total", ["queue=\"support\"", "outcome=\"answered\""]) == 1, "\(exposition)")
            #expect(Self.sample(exposition, "ctibridge_calls_total", ["queue=\"sales\"", "outcome=\"answered\""]) ?? 0 == 0)
            #expect((Self.sample(exposition, "ctibridge_screen_pops_sent_total", ["type=\"offer\""]) ?? 0) >= 1)
            // The wait and the handle time stay within what the test saw from outside.
            #expect(storedWait + talk <= story.timeToReady.seconds, "wait \(storedWait) s + talk \(talk) s")

            // The queue's interval statistics: one interval on the clock's half hour, the call
            // offered and answered, ASA (queue entry to answer, ringing included) between the
            // stored wait (queue entry to offer) and the time to connect seen from outside, AHT at
            // least the talk time.
            let statistics = try await client.request(.GET, "/api/statistics/queues/support", token: supervisor)
            #expect(statistics.status == 200)
            let figures = try #require(statistics.object)
            #expect(figures["intervalSeconds"] as? Double == 1800)
            let intervals = figures["intervals"] as? [[String: Any]] ?? []
            let interval = try #require(intervals.last, "\(figures)")
            let start = try #require((interval["start"] as? String).flatMap { text in try? Date(text, strategy: .iso8601) })
            #expect(start.timeIntervalSince1970.truncatingRemainder(dividingBy: 1800) == 0, "interval starts at \(start)")
            #expect(start <= Date() && Date().timeIntervalSince(start) < 1800 + 120)
            let total = try #require(figures["total"] as? [String: Any])
            #expect(total["offered"] as? Int == 1 && total["answered"] as? Int == 1 && total["abandoned"] as? Int == 0, "\(total)")
            #expect(
                (total["averageSpeedOfAnswer"] as? Double).map { $0 >= storedWait - 0.01 && $0 <= story.timeToConnect.seconds } == true,
                "ASA \(String(describing: total["averageSpeedOfAnswer"])) vs wait \(storedWait) s and connect \(story.timeToConnect)")
            #expect((total["averageHandleTime"] as? Double).map { $0 >= talk - 0.5 } == true, "AHT \(String(describing: total["averageHandleTime"])) vs talk \(talk)")
            #expect(try await client.request(.GET, "/api/statistics/queues/support", token: agent).status == 403)
            #expect(try await client.request(.GET, "/api/statistics/queues/nowhere", token: supervisor).status == 404)
            #expect(try await client.request(.GET, "/api/statistics/queues/support?from=yesterday", token: supervisor).status == 400)
            let later = try await client.request(.GET, "/api/statistics/queues/support?from=2999-01-01T00:00:00Z", token: supervisor)
            #expect(later.status == 200 && (later.object?["intervals"] as? [Any])?.isEmpty == true)

            // The agent's own statistics: the call handled, its talk time, time logged in.
            let ownFigures = try await client.request(.GET, "/api/statistics/agents/1003", token: agent)
            #expect(ownFigures.status == 200)
            let agentTotal = try #require(ownFigures.object?["total"] as? [String: Any], "\(String(decoding: ownFigures.body, as: UTF8.self))")
            #expect(agentTotal["handled"] as? Int == 1)
            // The engine books the end after the hang-up requests: at least the pop's talk time.
            #expect(
                (agentTotal["talkTime"] as? Double).map { $0 >= talk - 0.05 && $0 <= story.timeToReady.seconds } == true,
                "talk \(String(describing: agentTotal["talkTime"])) vs \(talk)")
            #expect((agentTotal["loggedInTime"] as? Double).map { $0 > 0 } == true)
            #expect(try await client.request(.GET, "/api/statistics/agents/1003", token: supervisor).status == 200)
            #expect(try await client.request(.GET, "/api/statistics/agents/1001", token: agent).status == 403, "not their own")
            #expect(try await client.request(.GET, "/api/statistics/agents/nobody", token: supervisor).status == 404)
            #expect(try await client.request(.GET, "/api/statistics/agents/1003?from=2026-12-01&to=2026-11-01", token: agent).status == 400)
        }
    }

    /// What the agent's side of the call established, for the steps after it.
    struct Story: Sendable {
        var channel: String
        var recordingID: String
        var customerID: String
        var ticketID: String
        /// The ticket made during the call.
        var firstTicket: String
        var talk: Double
        var timeToConnect: Duration
        var timeToReady: Duration
    }

    final class Told: Sendable {
        private let story = Mutex<Story?>(nil)
        func set(_ value: Story) { story.withLock { $0 = value } }
        var value: Story? { story.withLock { $0 } }
    }

    struct Audio {
        var status: Int
        var contentRange: String?
        var body: Data
    }

    /// `GET /api/recordings/{id}/audio`, with a `Range` header when given.
    static func audio(_ base: String, _ id: String, token: String?, range: String? = nil) async throws -> Audio {
        var request = HTTPClientRequest(url: "\(base)/api/recordings/\(id)/audio")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let range { request.headers.add(name: "Range", value: range) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 1 << 24)
        return Audio(status: Int(response.status.code), contentRange: response.headers.first(name: "Content-Range"), body: Data(bytes.readableBytesView))
    }

    /// The value of the Prometheus sample `name{…}` whose labels include all of `labels`.
    static func sample(_ exposition: String, _ name: String, _ labels: [String]) -> Double? {
        for line in exposition.split(separator: "\n") where line.hasPrefix(name + "{") {
            guard labels.allSatisfy({ line.contains($0) }), let value = line.split(separator: " ").last else { continue }
            return Double(value)
        }
        return nil
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
