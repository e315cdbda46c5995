import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite struct CustomerAPITests {
    @Test func createReadReplaceDelete() async throws {
        try await APITestServer.with { server in
            let created = try await server.createCustomer(
                #"{"name":"Ada Lovelace","phoneNumbers":["0912 345 678"],"emails":["ada@example.com"],"company":"Engines","tags":["gold"],"isVIP":true,"notes":"likes email","customFields":{"plan":"gold"}}"#)
            #expect(created.phoneNumbers == ["+84912345678"])
            #expect(created.isVIP && created.notes == "likes email" && created.customFields == ["plan": "gold"])

            let read = try await server.call(.GET, "/api/customers/\(created.id)", as: "alice")
            #expect(read.status == 200)
            #expect(try read.decode(Customer.self) == created)

            let replaced = try await server.call(
                .PUT, "/api/customers/\(created.id)", as: "alice", body: #"{"name":"Ada King","phoneNumbers":["+84 912 345 679"]}"#)
            #expect(replaced.status == 200, "\(replaced.body)")
            let after = try replaced.decode(Customer.self)
            #expect(after.name == "Ada King" && after.phoneNumbers == ["+84912345679"] && after.company == nil && !after.isVIP)

            let deleted = try await server.call(.DELETE, "/api/customers/\(created.id)", as: "sue")
            #expect(deleted.status == 204)
            let gone = try await server.call(.GET, "/api/customers/\(created.id)", as: "sue")
            #expect(gone.status == 404)
            #expect(gone.errorCode == "not_found")
            #expect(try await server.call(.DELETE, "/api/customers/\(created.id)", as: "sue").status == 404)
            #expect(try await server.call(.PUT, "/api/customers/\(created.id)", as: "sue", body: #"{"name":"X"}"#).status == 404)
            #expect(try await server.call(.GET, "/api/customers/abc", as: "sue").status == 404)
        }
    }

    @Test func lookupFindsEveryWrittenFormOfANumber() async throws {
        try await APITestServer.with { server in
            let ada = try await server.createCustomer(#"{"name":"Ada","phoneNumbers":["+84912345678"]}"#)
            for form in ["0912%20345%20678", "%2B84912345678", "84912345678"] {
                let answer = try await server.call(.GET, "/api/lookup?number=\(form)", as: "alice")
                #expect(answer.status == 200)
                let reply = try answer.decode(LookupBody.self)
                #expect(reply.customers.map(\.id) == [ada.id], "\(form)")
            }
            let none = try await server.call(.GET, "/api/lookup?number=0999999999", as: "alice")
            #expect(try none.decode(LookupBody.self).customers.isEmpty)
            let missing = try await server.call(.GET, "/api/lookup", as: "alice")
            #expect(missing.status == 422)
            #expect(missing.errorFields == ["number"])
        }
    }

    struct LookupBody: Decodable {
        var number: String
        var customers: [Customer]
    }

    @Test func searchPagesThroughEveryMatch() async throws {
        try await APITestServer.with { server in
            for index in 0..<7 {
                _ = try await server.createCustomer(#"{"name":"Page Person \#(index)","company":"Pager Ltd"}"#)
            }
            _ = try await server.createCustomer(#"{"name":"Someone Else"}"#)
            var seen: [Int64] = []
            var offset = 0
            while true {
                let answer = try await server.call(.GET, "/api/customers?q=pager&limit=3&offset=\(offset)", as: "alice")
                #expect(answer.status == 200)
                let page = try answer.decode(Page<Customer>.self)
                #expect(page.total == 7 && page.limit == 3 && page.offset == offset)
                seen += page.items.map(\.id)
                if !page.hasMore { break }
                offset += 3
            }
            #expect(seen.count == 7 && Set(seen).count == 7)
            let all = try await server.call(.GET, "/api/customers", as: "alice").decode(Page<Customer>.self)
            #expect(all.total == 8)
            let bad = try await server.call(.GET, "/api/customers?limit=0&offset=-1", as: "alice")
            #expect(bad.status == 422)
            #expect(Set(bad.errorFields) == ["limit", "offset"])
            #expect(try await server.call(.GET, "/api/customers?limit=501", as: "alice").status == 422)
        }
    }

    @Test func notesAreHiddenFromQAAndKeptWhenTheyCannotBeSeen() async throws {
        try await APITestServer.with { server in
            let ada = try await server.createCustomer(#"{"name":"Ada","phoneNumbers":["0912345678"],"notes":"secret plan"}"#)
            let asQA = try await server.call(.GET, "/api/customers/\(ada.id)", as: "quinn")
            #expect(asQA.status == 200)
            #expect(try asQA.decode(Customer.self).notes == nil)
            #expect(!asQA.body.contains("secret plan"))
            let listed = try await server.call(.GET, "/api/customers?q=Ada", as: "quinn")
            #expect(!listed.body.contains("secret plan") && listed.body.contains("Ada"))
            let looked = try await server.call(.GET, "/api/lookup?number=0912345678", as: "quinn")
            #expect(!looked.body.contains("secret plan") && looked.body.contains("Ada"))
            let asAgent = try await server.call(.GET, "/api/customers/\(ada.id)", as: "alice")
            #expect(try asAgent.decode(Customer.self).notes == "secret plan")
        }
        // A role that may write but not see notes cannot wipe them by replacing the customer.
        var access = AccessPolicy()
        access.hiddenCustomerFields[.agent] = [.notes]
        try await APITestServer.with(access: access) { server in
            let ada = try await server.createCustomer(#"{"name":"Ada","notes":"keep me"}"#)
            let replaced = try await server.call(.PUT, "/api/customers/\(ada.id)", as: "alice", body: #"{"name":"Ada B","notes":"overwrite"}"#)
            #expect(replaced.status == 200)
            #expect(try replaced.decode(Customer.self).notes == nil)
            let stored = try await server.store.customers.get(id: ada.id)
            #expect(stored.notes == "keep me" && stored.name == "Ada B")
        }
    }

    @Test func agentsWithOwnScopeSeeOnlyTheirCustomersAndSearchCountsOnlyThose() async throws {
        var access = AccessPolicy()
        access.sharing.customers[.agent] = .group
        try await APITestServer.with(access: access) { server in
            let mine = try await server.createCustomer(#"{"name":"Mine","ownerAgent":"alice"}"#)
            let group = try await server.createCustomer(#"{"name":"Billing Co","ownerGroup":"billing"}"#)
            let bobs = try await server.createCustomer(#"{"name":"Bobs","ownerAgent":"bob","phoneNumbers":["0912000111"]}"#)
            for index in 0..<5 { _ = try await server.createCustomer(#"{"name":"Other \#(index)","ownerGroup":"sales"}"#) }
            let page = try await server.call(.GET, "/api/customers?limit=1", as: "alice").decode(Page<Customer>.self)
            #expect(page.total == 2)
            let all = try await server.call(.GET, "/api/customers?limit=50", as: "alice").decode(Page<Customer>.self)
            #expect(Set(all.items.map(\.id)) == [mine.id, group.id])
            #expect(try await server.call(.GET, "/api/customers/\(bobs.id)", as: "alice").status == 404)
            #expect(try await server.call(.PUT, "/api/customers/\(bobs.id)", as: "alice", body: #"{"name":"Mine now"}"#).status == 404)
            let lookup = try await server.call(.GET, "/api/lookup?number=0912000111", as: "alice").decode(LookupBody.self)
            #expect(lookup.customers.isEmpty)
            let bobsView = try await server.call(.GET, "/api/customers?limit=50", as: "bob").decode(Page<Customer>.self)
            #expect(bobsView.total == 6)
            #expect(try await server.call(.GET, "/api/customers?limit=50", as: "sue").decode(Page<Customer>.self).total == 8)
        }
    }

    @Test func sqlLookingTextIsStoredAndReturnedVerbatim() async throws {
        try await APITestServer.with { server in
            let evil = #"Robert'); DROP TABLE customers;--"#
            let escaped = #"Robert'); DROP TABLE customers;--"#
            let created = try await server.createCustomer(
                #"{"name":"\#(escaped)","company":"%' OR '1'='1","notes":"\" OR 1=1 --","tags":["_%"]}"#)
            #expect(created.name == evil && created.company == "%' OR '1'='1" && created.notes == "\" OR 1=1 --")
            let read = try await server.call(.GET, "/api/customers/\(created.id)", as: "admin").decode(Customer.self)
            #expect(read == created)
            _ = try await server.createCustomer(#"{"name":"Plain"}"#)
            // LIKE wildcards in the search text are literal.
            let wild = try await server.call(.GET, "/api/customers?q=%25'%20OR%20'1'%3D'1", as: "admin").decode(Page<Customer>.self)
            #expect(wild.items.map(\.id) == [created.id])
            let percent = try await server.call(.GET, "/api/customers?q=%25", as: "admin").decode(Page<Customer>.self)
            #expect(percent.items.map(\.id) == [created.id])
            let table = try await server.call(.GET, "/api/customers?q=DROP%20TABLE", as: "admin").decode(Page<Customer>.self)
            #expect(table.total == 1)
            #expect(try await server.store.customers.search(text: nil, page: PageRequest()).total == 2)
        }
    }
}
