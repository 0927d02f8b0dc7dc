import DistlangCore
import DistlangModel
import Testing

struct RouteTests {
    @Test func parsesRoutes() throws {
        let r = try Route.parse("GET /orders/{id}").get()
        #expect(r.method == .GET && r.path == "/orders/{id}" && r.parameters == ["id"] && !r.isGreedy)
        #expect(try Route.parse("ANY /files/*").get().isGreedy)
        #expect(try Route.parse("GET /").get().path == "/")
    }

    @Test(arguments: [
        ("FETCH /x", "\"FETCH\" is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY"),
        ("GET x", "the path \"x\" is not valid: it must start with '/'"),
        ("GET", "a route is written \"METHOD /path\", e.g. \"GET /orders/{id}\""),
        ("GET /a//b", "the path \"/a//b\" is not valid: it has an empty segment"),
        ("GET /a/*/b", "the path \"/a/*/b\" is not valid: '*' may only be the last segment"),
        ("GET /a/{x}/{x}", "the path \"/a/{x}/{x}\" is not valid: the parameter {x} appears twice"),
        ("GET /a/{1x}", "the path \"/a/{1x}\" is not valid: '{1x}' is not a valid parameter (use {name})"),
        ("GET /a b", "a route is written \"METHOD /path\", e.g. \"GET /orders/{id}\""),
    ])
    func rejectsBadRoutes(_ input: String, _ message: String) {
        guard case .failure(let e) = Route.parse(input) else {
            Issue.record("\(input) parsed")
            return
        }
        #expect(e.description == message)
    }
}

struct NamingTests {
    @Test func composesAndFits() {
        #expect(Naming.compose(app: "shop", environment: "default", part: "api") == "shop-api")
        #expect(Naming.compose(app: "shop", environment: "prod", part: "api") == "shop-prod-api")
        let long = "a-very-long-application-name-x-production-env-a-very-long-function-name"
        let fitted = Naming.fit(long, maxLength: 63)
        #expect(fitted.count <= 63)
        #expect(fitted.hasSuffix("-" + Naming.shortHash(long)))
        #expect(Naming.fit("short", maxLength: 63) == "short")
        // Two long names that share the kept prefix still differ.
        #expect(Naming.fit(long + "-a", maxLength: 40) != Naming.fit(long + "-b", maxLength: 40))
    }

    @Test func identifiers() {
        #expect(Naming.bindingName("user-sessions") == "USER_SESSIONS")
        #expect(Naming.terraformIdentifier("user-sessions") == "user_sessions")
        #expect(Naming.pascalCase("user-sessions") == "UserSessions")
    }

    @Test func sha256Vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
