import DistlangSpec
import Foundation
import TestSupport
import Testing

@testable import DistlangRuntime

/// The declarations checked by Debian's TypeScript (`tsc` from node-typescript, 4.8): the TypeScript
/// example type-checks, wrong handlers fail with the expected errors, and each handle type has
/// exactly the methods the runtime lets through for its access.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("tsc"))))
struct TypeCheckTests {
    static var tsc: String {
        get throws {
            guard let tsc = ExternalTool.find("tsc") else {
                throw ExternalTool.Failure(description: "tsc is not on PATH (apt-get install node-typescript)")
            }
            return tsc
        }
    }

    /// The compiler options of the starter's and the example's tsconfig.json, as flags.
    static let options = [
        "--noEmit", "--strict", "--noErrorTruncation", "--target", "ES2022", "--module", "ES2022", "--moduleResolution",
        "node",
        "--lib", "ES2022,DOM,DOM.Iterable", "--isolatedModules",
    ]

    /// tsc's errors: `(file, line, "TSnnnn: message")`, first lines only.
    static func errors(_ output: String) -> [(file: String, line: Int, error: String)] {
        output.split(separator: "\n").compactMap { line in
            guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")"), open < close,
                let marker = line.range(of: "): error ")
            else { return nil }
            let position = line[line.index(after: open)..<close].split(separator: ",")
            guard let number = position.first.flatMap({ Int($0) }) else { return nil }
            return (String(line[..<open]), number, String(line[marker.upperBound...]))
        }
    }

    @Test func theTypeScriptExampleTypeChecks() throws {
        let result = CommandRunner.run(try Self.tsc, ["-p", RepositoryPaths.path("examples/links-ts")], timeout: 120)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Every error tsc reports in Fixtures/wrong-handler/wrong.ts is the one its comment announces on
    /// the line above, and every announced error is reported.
    @Test func wrongHandlersFailWithTheExpectedErrors() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-tsc")
        let source = try String(
            contentsOfFile: RepositoryPaths.path("Tests/DistlangTypeScriptTests/Fixtures/wrong-handler/wrong.ts"),
            encoding: .utf8)
        try source.write(to: dir.appendingPathComponent("wrong.ts"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.path("examples/links-ts/distlang-env.d.ts"),
            toPath: dir.appendingPathComponent("distlang-env.d.ts").path)
        var expected: [String] = []
        for (i, line) in source.components(separatedBy: "\n").enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("// error TS") { expected.append("\(i + 2): \(text.dropFirst("// error ".count))") }
        }
        #expect(expected.count >= 14)
        let result = CommandRunner.run(try Self.tsc, Self.options + ["wrong.ts"], in: dir.path, timeout: 120)
        #expect(result.exitCode == 2)
        let reported = Self.errors(result.stdout).map { "\($0.line): \($0.error)" }
        #expect(reported == expected, "\(result.stdout)")
        #expect(Self.errors(result.stdout).allSatisfy { $0.file == "wrong.ts" })
    }

    /// For every kind and access, the handle type's members are exactly the methods
    /// runtime/src/core/access.js grants (asked of the runtime itself, in Node), and each env member
    /// of Fixtures/access has the handle type of its kind and access.
    @Test func handleTypesHaveExactlyTheRuntimesMethods() throws {
        guard let node = ExternalTool.find("node") else {
            throw ExternalTool.Failure(description: "node is not on PATH")
        }
        let script = """
            const { allowedMethods } = await import(process.argv[1]);
            const accesses = { kv: ["read", "write", "readwrite"], bucket: ["read", "write", "readwrite"], queue: ["send"], database: ["read", "write", "readwrite"] };
            const out = [];
            for (const [kind, list] of Object.entries(accesses)) for (const access of list) out.push({ kind, access, methods: allowedMethods(kind, access) });
            console.log(JSON.stringify(out));
            """
        let asked = CommandRunner.run(
            node, ["--input-type=module", "-e", script, RepositoryPaths.path("runtime/src/core/access.js")])
        #expect(asked.exitCode == 0, "\(asked.stderr)")
        let grants = try #require(try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [[String: Any]])
        #expect(grants.count == 10)

        let compiled = SpecCompiler().compile(
            file: RepositoryPaths.path("Tests/DistlangTypeScriptTests/Fixtures/access/distlang.yaml"))
        let declarations = try EnvDeclarations.generate(compiled.models, specFileName: "distlang.yaml").get()
        var checks = [
            "import type * as T from \"./distlang-env.js\";",
            "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
        ]
        for grant in grants {
            let kind = grant["kind"] as! String, access = grant["access"] as! String,
                methods = grant["methods"] as! [String]
            let type = RuntimeDeclarations.handleType(kind, access)
            checks.append(
                "export const \(kind)_\(access): Same<keyof T.\(type), \(methods.map { "\"\($0)\"" }.joined(separator: " | "))> = true;"
            )
        }
        let members = [
            "KvAllEnv": [
                "KV_READ": "KVRead", "KV_WRITE": "KVWrite", "KV_READWRITE": "KVReadWrite",
                "SHIFTING": "T.KVRead | T.KVReadWrite",
            ],
            "BucketAllEnv": [
                "BUCKET_READ": "BucketRead", "BUCKET_WRITE": "BucketWrite", "BUCKET_READWRITE": "BucketReadWrite",
            ],
            "DatabaseAllEnv": [
                "DB_READ": "DatabaseRead", "DB_WRITE": "DatabaseWrite", "DB_READWRITE": "DatabaseReadWrite",
            ],
            "ThumbnailJobsEnv": ["RESULTS": "QueueSend"],
        ]
        for (env, byMember) in members.sorted(by: { $0.key < $1.key }) {
            for (member, type) in byMember.sorted(by: { $0.key < $1.key }) {
                let expected = type.hasPrefix("T.") ? type : "T.\(type)"
                checks.append("export const \(env)_\(member): Same<T.\(env)[\"\(member)\"], \(expected)> = true;")
            }
        }
        let dir = RepositoryPaths.temporaryDirectory("distlang-tsc")
        try declarations.write(to: dir.appendingPathComponent("distlang-env.d.ts"), atomically: true, encoding: .utf8)
        try (checks.joined(separator: "\n") + "\n").write(
            to: dir.appendingPathComponent("checks.ts"), atomically: true, encoding: .utf8)
        let result = CommandRunner.run(try Self.tsc, Self.options + ["checks.ts"], in: dir.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stdout)")
    }
}
