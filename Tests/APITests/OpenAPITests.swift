import CTIApp
import CTICore
import CTIServer
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOHTTP1
import Storage
import Telephony
import Testing

@Suite struct OpenAPITests {
    /// The routes the router really registers, with every optional collaborator present.
    static func registeredRoutes(store: CTIStore) -> Set<String> {
        let sessions = StoreSessions(store: store)
        let hub = CTIHub(configuration: CTIServerConfiguration(port: 0))
        var dependencies = CTIServerDependencies(authenticator: sessions, sessions: sessions, actions: InMemoryAgentActions(hub: hub))
        dependencies.records = StoreRecords(store: store)
        dependencies.flows = CatalogFlowAdministration(catalog: IVRFlowCatalog(), store: store)
        dependencies.metrics = { "" }
        dependencies.qa = StoreQAService(store: store, settings: QASettings())
        let router = buildRouter(
            configuration: CTIServerConfiguration(port: 0), dependencies: dependencies, hub: hub, logger: Logger(label: "openapi.test"))
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
    }

    @Test func documentListsExactlyTheRegisteredRoutes() async throws {
        try await APITestServer.with { server in
            let registered = Self.registeredRoutes(store: server.store)
            let documentedOperations = APIOperations.all.map { "\($0.method) \($0.path)" }
            #expect(Set(documentedOperations).count == documentedOperations.count, "an operation is documented twice")
            let documented = Set(documentedOperations)
            #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
            #expect(registered.count > 40)

            // The served document has the same method and path pairs.
            let answer = try await server.call(.GET, "/openapi.json")
            #expect(answer.status == 200)
            guard case .object(let document)? = answer.json, case .object(let paths)? = document["paths"] else {
                Issue.record("no paths in \(answer.body.prefix(200))")
                return
            }
            #expect(document["openapi"] == .string("3.1.0"))
            var served: Set<String> = []
            for (path, item) in paths {
                guard case .object(let methods) = item else { continue }
                for method in methods.keys { served.insert("\(method.uppercased()) \(path)") }
            }
            #expect(served == registered)
        }
    }

    @Test func everyReferencedSchemaExists() throws {
        var references: Set<String> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if case .string(let reference)? = members["$ref"], reference.hasPrefix("#/components/schemas/") {
                    references.insert(String(reference.dropFirst("#/components/schemas/".count)))
                }
                members.values.forEach(walk)
            case .array(let items):
                items.forEach(walk)
            default:
                break
            }
        }
        walk(OpenAPIDocument.render())
        #expect(!references.isEmpty)
        let missing = references.subtracting(APISchemas.components.keys)
        #expect(missing.isEmpty, "\(missing)")
        // Each operation with {id} declares it as a path parameter.
        for operation in APIOperations.all where operation.path.contains("{id}") {
            #expect(operation.pathParameters == ["id"])
        }
    }
}
