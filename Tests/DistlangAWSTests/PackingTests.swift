@testable import DistlangAWS
import DistlangCore
import Testing
import TestSupport

/// The packing rule on its own (CFNStackPacking): where children start, how an oversized run is
/// cut, and that one added name disturbs at most two children.
@Suite struct PackingTests {
    static func names(_ n: Int, _ prefix: String = "f-") -> [String] {
        CFNStackPacking.sorted((0..<n).map { "\(prefix)\($0)" })
    }

    /// Children as lists of names.
    static func pack(_ names: [String], capacity: Int = 1000) -> [[String]] {
        CFNStackPacking.pack(names) { $0.count <= capacity }.map { names[$0].map { $0 } }
    }

    @Test func childrenStartAtAnchorsOnly() {
        let names = Self.names(500)
        let children = Self.pack(names)
        #expect(children.flatMap { $0 } == names)
        let anchors = names.filter(CFNStackPacking.isAnchor)
        #expect(anchors.count > 10 && anchors.count < 60)  // about one in 16
        #expect(children.count == anchors.count + (CFNStackPacking.isAnchor(names[0]) ? 0 : 1))
        for child in children.dropFirst() { #expect(CFNStackPacking.isAnchor(child[0])) }
        for child in children { #expect(child.dropFirst().allSatisfy { !CFNStackPacking.isAnchor($0) }) }
        #expect(CFNStackPacking.key(of: 0..<1, in: names) == (CFNStackPacking.isAnchor(names[0]) ? names[0] : nil))
    }

    @Test func anAnchorIsOneNameInSixteen() {
        #expect(CFNStackPacking.isAnchor("f-23") == SHA256.hex("f-23").hasPrefix("0"))
        let count = (0..<16000).filter { CFNStackPacking.isAnchor("n\($0)") }.count
        #expect(count > 850 && count < 1150)
    }

    /// A run over capacity is cut before its greatest digest, again until each part fits.
    @Test func oversizedRunsAreCutAtTheGreatestDigest() {
        let names = Self.names(400)
        let children = Self.pack(names, capacity: 20)
        #expect(children.flatMap { $0 } == names)
        #expect(children.allSatisfy { $0.count <= 20 })
        let uncut = Self.pack(names)
        for run in uncut where run.count > 20 {
            let pivot = run.dropFirst().max { CFNStackPacking.digest($0) < CFNStackPacking.digest($1) }!
            #expect(children.contains { $0.first == pivot }, "\(run.first!): cut at \(pivot)")
        }
        // Capacity 0: every function alone (the caller reports the ones that do not fit).
        #expect(Self.pack(Array(names.prefix(5)), capacity: 0).map(\.count) == [1, 1, 1, 1, 1])
    }

    /// Adding any one name to many sets, with room to spare: at most two children differ, and
    /// only an anchor moves existing names (the rest of its run, into its own new child).
    @Test func addingANameDisturbsAtMostTwoChildren() {
        var random = SeededRandom(seed: 9)
        for round in 0..<200 {
            let base = Self.names(50 + Int(random.next() % 400), "r\(round)-")
            let added = "r\(round)-x\(random.next() % 100_000)"
            let after = Self.pack(CFNStackPacking.sorted(base + [added]))
            let before = Self.pack(base)
            func byKey(_ children: [[String]]) -> [String: [String]] {
                Dictionary(uniqueKeysWithValues: children.map { (CFNStackPacking.isAnchor($0[0]) ? $0[0] : "(leading)", $0) })
            }
            let b = byKey(before), a = byKey(after)
            let changed = Set(b.keys).union(a.keys).filter { b[$0] != a[$0] }
            #expect(changed.count <= 2, "\(added): \(changed)")
            let home = after.first { $0.contains(added) }!
            for child in before {
                let target = after.first { $0.contains(child[0]) }!
                for name in child where !target.contains(name) {
                    #expect(CFNStackPacking.isAnchor(added) && home.contains(name), "\(name) moved for \(added)")
                }
            }
        }
    }
}
