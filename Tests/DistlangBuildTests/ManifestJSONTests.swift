@testable import DistlangBuild
import DistlangCore
import DistlangLoader
import Foundation
import Testing
import TestSupport

/// `ManifestJSON` writes exactly the bytes of `CanonicalJSON` (jansson), on random values with
/// every kind of string, key and number, and on the manifests of real builds.
struct ManifestJSONTests {
    static func randomValue(_ random: inout SeededRandom, depth: Int) -> Value {
        let strings = ["", "a", "ab", "b", "B", "é", "e\u{301}", "日本", "😀", "a\"b", "a\\b", "/", "\u{7F}", "\u{0}", "x\u{1}y",
                       "\u{8}\u{C}\n\r\t", "\u{1F}", "\u{2028}", "\u{FEFF}", "key", "Key", "key2", "${x}", "%{y}"]
        let doubles: [Double] = [0, -0.0, 0.1, -0.5, 1.5, 100, 1e16, 1e17, 1e20, 1.5e300, -2.5e-7, 1e-5, .leastNonzeroMagnitude, 123456789.123,
                                 Double.greatestFiniteMagnitude, .infinity, .nan, 3.0, 0.30000000000000004]
        let integers: [Int64] = [0, 1, -1, 42, .max, .min, 1_000_000_007]
        let pick = Int(random.next() % (depth > 3 ? 5 : 7))
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .integer(integers[Int(random.next() % UInt64(integers.count))])
        case 3: return .number(doubles[Int(random.next() % UInt64(doubles.count))])
        case 4: return .string(strings[Int(random.next() % UInt64(strings.count))] + strings[Int(random.next() % UInt64(strings.count))])
        case 5: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var o = JSONObject()
            for _ in 0..<Int(random.next() % 5) {
                o[strings[Int(random.next() % UInt64(strings.count))] + strings[Int(random.next() % UInt64(strings.count))]] =
                    randomValue(&random, depth: depth + 1)
            }
            return .object(o)
        }
    }

    @Test(arguments: 0..<200)
    func sameBytesAsJansson(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7919)
        let value = Self.randomValue(&random, depth: 0)
        let ours = String(decoding: ManifestJSON.encode(value), as: UTF8.self)
        #expect(ours == CanonicalJSON.encode(value), "\(value)")
    }

    @Test func reals() {
        for d in [0.0, -0.0, 1, 0.1, 1e17, 1e20, 1e-5, 1e-100, 2.5e300, .leastNonzeroMagnitude, 123.456, -7.25e-10] {
            let ours = String(decoding: ManifestJSON.encode(.number(d)), as: UTF8.self)
            #expect(ours == CanonicalJSON.encode(.number(d)), "\(d)")
        }
    }

    @Test func realBuildsManifests() throws {
        for example in ["http-api", "staged-app", "queue-pipeline", "d1-catalog"] {
            let dir = RepositoryPaths.temporaryDirectory("distlang-manifest-json")
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = CommandRunner.distlang(
                ["build", RepositoryPaths.path("examples/\(example)/distlang.yaml"), "--out", dir.path, "--cfn-format", "both"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let data = try Data(contentsOf: dir.appendingPathComponent("distlang-manifest.json"))
            let loaded = Loader.load(bytes: [UInt8](data), file: "m.json", format: .json)
            let value = try #require(loaded.document?.value)
            #expect(ManifestJSON.encode(value) == [UInt8](data), "\(example)")
            #expect(CanonicalJSON.encode(value) == String(decoding: data, as: UTF8.self), "\(example)")
        }
    }
}
