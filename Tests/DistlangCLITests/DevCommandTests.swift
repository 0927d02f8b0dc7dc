import DistlangDev
import Foundation
import TestSupport
import Testing

/// `distlang dev` end to end: the binary started on a free port on 127.0.0.1 with a temporary app,
/// driven with real HTTP requests; stopped with SIGINT (Ctrl-C) and started again on the same state.
/// Every wait is bounded. The host runs on the Node.js tools/node/build.sh installs (node:sqlite).
@Suite struct DevCommandTests {
    static let spec = """
        distlang: 1
        name: shop
        functions:
          api:
            source: src/api.js
            env: { GREETING: hello }
            secrets: [API_TOKEN]
            http:
              - GET /hello/{name}
              - PUT /notes/{id}
              - GET /notes/{id}
              - PUT /files/*
              - GET /files/*
              - POST /orders
              - GET /answer
              - GET /books
              - DELETE /books
            uses: { notes: readwrite, files: readwrite, orders: send, catalog: read }
          fulfil:
            source: src/fulfil.js
            consumes: { queue: orders, batch_size: 5 }
            uses: { notes: readwrite }
          nightly:
            source: src/nightly.js
            schedule: ["0 3 * * *"]
            uses: { notes: write }
        resources:
          notes: { type: kv }
          files: { type: bucket }
          orders: { type: queue, max_retries: 2, dead_letter: true }
          catalog: { type: database, engine: sqlite, migrations: migrations/catalog }
        targets:
          cloudflare: { compatibility_date: "2025-06-01" }

        """

    static let api = """
        import { answer } from "./lib/answer.js";

        export default {
          async fetch(request, env, ctx) {
            const { key, params } = ctx.route;
            switch (key) {
              case "GET /hello/{name}":
                console.log(`greeting ${params.name}`);
                return new Response(`${env.GREETING}, ${params.name}! token=${env.API_TOKEN}`);
              case "PUT /notes/{id}":
                await env.NOTES.put(params.id, await request.text());
                return new Response(null, { status: 204 });
              case "GET /notes/{id}": {
                const note = await env.NOTES.get(params.id);
                return note === null ? new Response("no note", { status: 404 }) : new Response(note);
              }
              case "PUT /files/*": {
                const object = await env.FILES.put(params["*"], request.body, { httpMetadata: { contentType: request.headers.get("content-type") } });
                return Response.json({ key: object.key, size: object.size });
              }
              case "GET /files/*": {
                const object = await env.FILES.get(params["*"]);
                if (object === null) return new Response("no file", { status: 404 });
                const headers = new Headers();
                object.writeHttpMetadata(headers);
                return new Response(object.body, { headers });
              }
              case "POST /orders":
                await env.ORDERS.send(await request.json());
                return new Response("queued", { status: 202 });
              case "GET /answer":
                return new Response(answer());
              case "GET /books":
                return Response.json((await env.CATALOG.prepare("SELECT title FROM books ORDER BY title").all()).results);
              case "DELETE /books":
                try {
                  await env.CATALOG.exec("DELETE FROM books");
                  return new Response("deleted");
                } catch (error) {
                  return new Response(error.message, { status: 403 });
                }
              default:
                return new Response(`route ${key}`);
            }
          },
        };

        """

    static let fulfil = """
        export default {
          async queue(batch, env) {
            for (const message of batch.messages) {
              if (message.body.poison) {
                message.retry();
                continue;
              }
              await env.NOTES.put(`order:${message.body.id}`, JSON.stringify({ queue: batch.queue, attempts: message.attempts }));
              message.ack();
            }
          },
        };

        """

    static let nightly = """
        export default {
          async scheduled(controller, env) {
            console.log(`nightly run for ${controller.cron}`);
            await env.NOTES.put("nightly", controller.cron);
          },
        };

        """

    /// A fresh app in a temporary folder.
    static func makeApp() throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-dev")
        let files = [
            "distlang.yaml": spec, "src/api.js": api, "src/fulfil.js": fulfil, "src/nightly.js": nightly,
            "src/lib/answer.js": "export const answer = () => 'first';\n",
            "migrations/catalog/0001_books.sql":
                "CREATE TABLE books (title TEXT NOT NULL);\nINSERT INTO books VALUES ('Dune'), ('Beloved');\n",
            ".dev.vars": "# local secrets\nAPI_TOKEN=s3cret\n",
        ]
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// The Node.js for these tests; nil skips them (a failure when checkers are required).
    static func node() throws -> String? {
        if let node = ExternalTool.nodeWithSqlite { return node }
        if ExternalTool.checkersRequired {
            throw ExternalTool.Failure(
                description: "run tools/node/build.sh: the dev tests need Node.js 22.13+ in .tools/node")
        }
        return nil
    }

    @Test func servesRoutesStoresQueuesAndSchedulesAndKeepsDataAcrossRestarts() throws {
        guard let node = try Self.node() else { return }
        let app = try Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app) }
        var dev = try DevRun(app: app, node: node)
        try Self.checkManifest(of: app)

        // Routing: the owning function's fetch; 404 and 405 with Allow, as deployed.
        let hello = try dev.request("GET", "/hello/world")
        #expect(hello.status == 200)
        #expect(hello.text == "hello, world! token=s3cret")
        let wrongMethod = try dev.request("POST", "/hello/world")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "GET, HEAD")
        #expect(try dev.request("GET", "/nothing/here").status == 404)

        // kv and bucket.
        #expect(try dev.request("PUT", "/notes/1", body: "first note").status == 204)
        #expect(try dev.request("GET", "/notes/1").text == "first note")
        let upload = try dev.request(
            "PUT", "/files/docs/a%20b.txt", body: "file body", headers: ["content-type": "text/plain"])
        #expect(upload.text == #"{"key":"docs/a b.txt","size":9}"#)
        let file = try dev.request("GET", "/files/docs/a%20b.txt")
        #expect(file.text == "file body")
        #expect(file.headers["content-type"] == "text/plain")

        // database: migrations applied; read access refuses a change, as deployed.
        #expect(try dev.request("GET", "/books").text == #"[{"title":"Beloved"},{"title":"Dune"}]"#)
        let denied = try dev.request("DELETE", "/books")
        #expect(denied.status == 403)
        #expect(denied.text.contains("function api has read access to database catalog"))

        // A message sent by api is consumed by fulfil.
        #expect(try dev.request("POST", "/orders", body: #"{"id": 7}"#).status == 202)
        try dev.until("the order is consumed") { try dev.request("GET", "/notes/order:7").status == 200 }
        #expect(try dev.request("GET", "/notes/order:7").text == #"{"queue":"orders","attempts":1}"#)

        // A message retried on every delivery goes to the dead-letter queue after max_retries (2): 3 deliveries.
        #expect(try dev.request("POST", "/orders", body: #"{"poison": true}"#).status == 202)
        try dev.until("the poison message is dead-lettered") { try dev.deadLetters().count == 1 }
        let dead = try dev.deadLetters()[0]
        #expect(dead["attempts"] as? Int == 3)
        #expect((dead["body"] as? [String: Any])?["poison"] as? Bool == true)
        try dev.waitForOutput("moved to orders-dlq")

        // A schedule on demand: over HTTP, and with `distlang dev --trigger` from another shell.
        let run = try dev.request("POST", "/__distlang/scheduled/nightly")
        #expect(run.status == 200)
        #expect(try dev.request("GET", "/notes/nightly").text == "0 3 * * *")
        let trigger = CommandRunner.distlang(["dev", "--trigger", "nightly"], in: app.path, timeout: 30)
        #expect(trigger.exitCode == 0, "\(trigger.stderr)")
        #expect(trigger.stdout == "ran nightly's schedule \"0 3 * * *\": ok\n")
        let notScheduled = CommandRunner.distlang(["dev", "--trigger", "api"], in: app.path, timeout: 30)
        #expect(notScheduled.exitCode == 2)
        #expect(notScheduled.stderr.contains("function api has no schedule (functions with schedules: nightly)"))

        // Logs: one line per invocation, console output prefixed with the function's name.
        try dev.waitForOutput("nightly scheduled \"0 3 * * *\" (on demand) ok")
        let output = dev.output
        #expect(output.contains("[api] greeting world"))
        #expect(output.contains("[nightly] nightly run for 0 3 * * *"))
        #expect(
            output.range(
                of: #"\d\d:\d\d:\d\d\.\d{3} api +http GET /hello/world 200 \d+ms"#, options: .regularExpression) != nil)
        #expect(
            output.range(of: #"fulfil +queue orders 1 message \(1 acked, 0 retried\) ok"#, options: .regularExpression)
                != nil)
        #expect(output.contains("ready on \(dev.url)"))
        #expect(output.contains("GET    /hello/{name}"), "the route table")

        // Ctrl-C stops cleanly; a new start on the same state has everything.
        #expect(try dev.interrupt() == 0)
        #expect(dev.output.contains("stopping..."))
        dev = try DevRun(app: app, node: node)
        #expect(try dev.request("GET", "/notes/1").text == "first note")
        #expect(try dev.request("GET", "/files/docs/a%20b.txt").text == "file body")
        #expect(try dev.deadLetters().count == 1)
        #expect(try dev.request("GET", "/books").text == #"[{"title":"Beloved"},{"title":"Dune"}]"#)
        #expect(!dev.output.contains("applied migration"), "migrations run once")
        #expect(try dev.interrupt() == 0)
    }

    @Test func reloadsAnEditedHandlerAndRestartsOnlyForAValidSpec() throws {
        guard let node = try Self.node() else { return }
        let app = try Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app) }
        let dev = try DevRun(app: app, node: node)
        #expect(try dev.request("GET", "/answer").text == "first")
        #expect(try dev.request("PUT", "/notes/kept", body: "still here").status == 204)

        // A file the handler imports changes: the function reloads, no restart.
        try Data("export const answer = () => 'second';\n".utf8).write(
            to: app.appendingPathComponent("src/lib/answer.js"))
        try dev.until("the edit is served") { try dev.request("GET", "/answer").text == "second" }
        try dev.waitForOutput("reloaded api (src/lib/answer.js changed)")

        // A bad spec edit: the errors as validate prints them; the old host keeps answering.
        let specURL = app.appendingPathComponent("distlang.yaml")
        try Data(Self.spec.replacingOccurrences(of: "name: shop", with: "name: Shop_App").utf8).write(to: specURL)
        try dev.waitForOutput("still running the previous version")
        #expect(dev.output.contains("distlang.yaml:2:7: error:"))
        #expect(dev.output.contains("1 error, 0 warnings"))
        #expect(try dev.request("GET", "/answer").text == "second")

        // A good one: the host restarts on the same port with the new route, and the data is there.
        try Data(
            Self.spec.replacingOccurrences(
                of: "      - GET /answer\n", with: "      - GET /answer\n      - GET /extra\n"
            ).utf8
        ).write(to: specURL)
        try dev.until("the new route is served") { try dev.request("GET", "/extra").text == "route GET /extra" }
        #expect(dev.output.contains("distlang dev: restarting"))
        #expect(try dev.request("GET", "/notes/kept").text == "still here")
        #expect(try dev.interrupt() == 0)
    }

    @Test func usageProblemsAreExitCode2() throws {
        let app = try Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app) }
        let noHost = CommandRunner.distlang(["dev", "--trigger", "nightly"], in: app.path, timeout: 30)
        #expect(noHost.exitCode == 2)
        #expect(noHost.stderr.contains("no distlang dev is running for environment default"))
        let staged = Self.spec + "environments:\n  staging: {}\n  production: {}\n"
        try Data(staged.utf8).write(to: app.appendingPathComponent("distlang.yaml"))
        let which = CommandRunner.distlang(["dev"], in: app.path, timeout: 30)
        #expect(which.exitCode == 2)
        #expect(
            which.stderr.contains("distlang.yaml has 2 environments (production, staging); choose one with --env"),
            "\(which.stderr)")
        let unknown = CommandRunner.distlang(["dev", "--env", "qa"], in: app.path, timeout: 30)
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains(#"no environment "qa""#))
        let stdin = CommandRunner.distlang(["dev", "-"], in: app.path, timeout: 30)
        #expect(stdin.exitCode == 2)
        let schedule = CommandRunner.distlang(["dev", "--schedule", "0 3 * * *"], in: app.path, timeout: 30)
        #expect(schedule.exitCode == 2)
    }

    /// The dev adapter's own suites (runtime/test/dev: stores, queues, cron, databases, the host) on
    /// the same Node.js, so `make test` runs them.
    @Test func theDevAdapterSuitesPass() throws {
        guard let node = try Self.node() else { return }
        let folder = RepositoryPaths.path("runtime/test/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".test.js") }
            .sorted()
        #expect(files.count >= 5)
        let result = CommandRunner.run(
            node, ["--test"] + files.map { "test/dev/\($0)" }, in: RepositoryPaths.path("runtime"), timeout: 120)
        #expect(result.exitCode == 0, "\(result.stdout.suffix(4000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("# fail 0"))
        #expect(!result.stdout.contains("# pass 0\n"))
    }

    /// What `distlang dev` wrote for the host: every function's table, source and vars, every store,
    /// absolute paths, and no secret.
    static func checkManifest(of app: URL) throws {
        let root = app.standardizedFileURL.path
        let text = try String(contentsOfFile: root + "/.distlang/dev/default/.host/manifest.json", encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["app"] as? String == "shop" && json["environment"] as? String == "default")
        #expect(json["state"] as? String == root + "/.distlang/dev/default")
        let functions = try #require(json["functions"] as? [[String: Any]])
        #expect(functions.map { $0["name"] as? String } == ["api", "fulfil", "nightly"])
        #expect(functions[0]["source"] as? String == root + "/src/api.js")
        #expect(functions[0]["vars"] as? [String: String] == ["GREETING": "hello"])
        let table = try #require((functions[0]["table"] as? [String: Any])?["environments"] as? [String: [String: Any]])
        #expect((table["default"]?["secrets"] as? [[String: String]]) == [["name": "API_TOKEN"]])
        #expect(
            ((table["default"]?["bindings"] as? [[String: String]])?.first) == [
                "name": "CATALOG", "resource": "catalog", "kind": "database", "access": "read",
            ])
        let resources = try #require(json["resources"] as? [[String: Any]])
        let orders = try #require(resources.first { $0["name"] as? String == "orders" })
        #expect(orders["maxRetries"] as? Int == 2 && orders["deadLetter"] as? String == "orders-dlq")
        let consumer = orders["consumer"] as? [String: Any]
        #expect(consumer?["function"] as? String == "fulfil" && consumer?["batchSize"] as? Int == 5)
        let catalog = try #require(resources.first { $0["name"] as? String == "catalog" })
        #expect(catalog["migrations"] as? String == root + "/migrations/catalog")
        #expect(!text.contains("s3cret"), "secrets never go in the manifest")
    }
}
