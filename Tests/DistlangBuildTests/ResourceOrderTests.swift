@testable import DistlangBuild
import DistlangModel
import Testing
import TestSupport

/// `ResourceKey.sorted` (grouped) orders exactly as sorting each resource by its whole key as one
/// NUL-separated byte string, stably.
struct ResourceOrderTests {
    /// The reference: one byte key per resource, a stable sort.
    static func reference(_ resources: [EmittedResource]) -> [EmittedResource] {
        let keyed = resources.map { r -> ([UInt8], EmittedResource) in
            var bytes: [UInt8] = []
            for part in [r.target.rawValue, r.environment, r.format, r.type, r.logicalName] {
                bytes += part.utf8
                bytes.append(0)
            }
            return (bytes, r)
        }
        return keyed.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    @Test(arguments: 0..<20)
    func sameOrderAsTheReference(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let words = ["", "a", "ab", "b", "B", "é", "e\u{301}", "z", "aa", "a-b", "a_b", "Z1", "main.tf", "api"]
        func pick() -> String { words[Int(random.next() % UInt64(words.count))] }
        let resources = (0..<300).map { i in
            EmittedResource(
                target: random.next() % 2 == 0 ? .aws : .cloudflare, format: pick(), environment: pick(), type: pick(),
                logicalName: pick() + pick(), file: "f\(i)")
        }
        #expect(ResourceKey.sorted(resources).map(\.file) == Self.reference(resources).map(\.file))
    }
}

/// `ResourceDiffer.ordered` gives the order of a sort by (target, format, type, logical name).
struct ChangeOrderTests {
    @Test(arguments: 0..<10)
    func sameOrderAsATupleSort(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 100)
        let words = ["a", "ab", "b", "B", "é", "e\u{301}", "z", "aa", "a-b", "Z1", "api"]
        func pick() -> String { words[Int(random.next() % UInt64(words.count))] }
        var seen = Set<String>()
        var changes: [ResourceChange] = []
        while changes.count < 200 {
            let c = ResourceChange(
                kind: .added, target: random.next() % 2 == 0 ? .aws : .cloudflare, format: pick(), type: pick(),
                logicalName: pick() + pick() + pick())
            // one change per (target, format, type, logical name), as in one environment
            if seen.insert("\(c.target)|\(c.format)|\(c.type)|\(c.logicalName)").inserted { changes.append(c) }
        }
        let reference = changes.sorted {
            ($0.target.rawValue, $0.format, $0.type, $0.logicalName) < ($1.target.rawValue, $1.format, $1.type, $1.logicalName)
        }
        let ordered = ResourceDiffer.ordered(changes)
        #expect(ordered.map { "\($0.target)|\($0.format)|\($0.type)|\($0.logicalName)" }
            == reference.map { "\($0.target)|\($0.format)|\($0.type)|\($0.logicalName)" })
    }
}
