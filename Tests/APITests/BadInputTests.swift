import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

/// Wrong types, unknown fields, malformed JSON, huge bodies, wrong media types: clear typed errors.
@Suite struct BadInputTests {
    @Test func unknownFieldsAndWrongTypesAreAllListed() async throws {
        try await APITestServer.with { server in
            let answer = try await server.call(
                .POST, "/api/customers", as: "admin",
                body: #"{"name":42,"phoneNumbers":"0912","isVIP":"yes","nickname":"Ada","tags":["ok",7],"customFields":{"a":1}}"#)
            #expect(answer.status == 422)
            #expect(answer.errorCode == "validation_failed")
            #expect(Set(answer.errorFields) == ["name", "phoneNumbers", "isVIP", "nickname", "tags[1]", "customFields.a"])
            #expect(answer.contentType?.hasPrefix("application/json") == true)

            let ticket = try await server.call(
                .POST, "/api/tickets", as: "admin",
                body: #"{"priority":"whenever","assignee":{"kind":"robot","name":"x","extra":true},"customerID":1.5}"#)
            #expect(ticket.status == 422)
            #expect(Set(ticket.errorFields) == ["subject", "priority", "assignee.kind", "assignee.extra", "customerID"])

            let nulls = try await server.call(.POST, "/api/customers", as: "admin", body: #"{"name":null}"#)
            #expect(nulls.status == 422 && nulls.errorFields == ["name"])
            let array = try await server.call(.POST, "/api/customers", as: "admin", body: "[1,2]")
            #expect(array.status == 422 && array.errorFields == ["(body)"])
        }
    }

    @Test func domainRulesListEveryBadField() async throws {
        try await APITestServer.with { server in
            let answer = try await server.call(
                .POST, "/api/customers", as: "admin", body: #"{"name":"  ","phoneNumbers":["12","abc"],"emails":["not-an-email"]}"#)
            #expect(answer.status == 422)
            #expect(Set(answer.errorFields) == ["name", "phoneNumbers[0]", "phoneNumbers[1]", "emails[0]"])
            let ticket = try await server.call(.POST, "/api/tickets", as: "admin", body: #"{"subject":"","customerID":777}"#)
            #expect(ticket.status == 422 && ticket.errorFields == ["subject"])
            let noCustomer = try await server.call(.POST, "/api/tickets", as: "admin", body: #"{"subject":"x","customerID":777}"#)
            #expect(noCustomer.status == 422 && noCustomer.errorFields == ["customerID"])
        }
    }

    @Test func malformedMissingHugeAndNonJSONBodies() async throws {
        try await APITestServer.with { server in
            let malformed = try await server.call(.POST, "/api/customers", as: "admin", body: #"{"name": "Ada""#)
            #expect(malformed.status == 400 && malformed.errorCode == "malformed_json")
            let empty = try await server.call(.POST, "/api/tickets", as: "admin", body: "")
            #expect(empty.status == 400 && empty.errorCode == "malformed_json")
            let text = try await server.call(.POST, "/api/customers", as: "admin", body: "name=Ada", contentType: "text/plain")
            #expect(text.status == 415 && text.errorCode == "unsupported_media_type")
            let huge = #"{"name":"Ada","notes":""# + String(repeating: "x", count: 1_100_000) + #""}"#
            let tooLarge = try await server.call(.POST, "/api/customers", as: "admin", body: huge)
            #expect(tooLarge.status == 413 && tooLarge.errorCode == "payload_too_large")
            #expect(try await server.store.customers.search(text: nil, page: PageRequest()).total == 0)
            // Under the limit but over the notes rule: a validation error, not a size error.
            let long = #"{"name":"Ada","notes":""# + String(repeating: "x", count: 20_000) + #""}"#
            let tooLong = try await server.call(.POST, "/api/customers", as: "admin", body: long)
            #expect(tooLong.status == 422 && tooLong.errorFields == ["notes"])
        }
    }

    @Test func everyErrorHasTheSameShape() async throws {
        try await APITestServer.with { server in
            var answers: [APITestServer.Answer] = []
            answers.append(try await server.call(.GET, "/api/nothing-here", as: "admin"))
            answers.append(try await server.call(.GET, "/api/customers"))
            answers.append(try await server.call(.DELETE, "/api/customers/1", as: "alice"))
            answers.append(try await server.call(.GET, "/api/tickets/12345", as: "admin"))
            answers.append(try await server.call(.POST, "/api/session", body: #"{"username":"admin","password":"hunter2-guess"}"#))
            answers.append(try await server.call(.POST, "/api/session", body: #"{"user":"admin"}"#))
            answers.append(try await server.call(.GET, "/api/erlang?calls=x", as: "sue"))
            let expected = [404, 401, 403, 404, 401, 400, 400]
            #expect(answers.map(\.status) == expected)
            for answer in answers {
                guard case .object(let top)? = answer.json, case .object(let error)? = top["error"] else {
                    Issue.record("not an error body: \(answer.body)")
                    continue
                }
                #expect(Set(top.keys) == ["error"])
                #expect(answer.errorCode != nil)
                if case .string(let message)? = error["message"] { #expect(!message.isEmpty) } else { Issue.record("no message: \(answer.body)") }
            }
            #expect(answers[4].body.contains("hunter2") == false)
        }
    }
}
