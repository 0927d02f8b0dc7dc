import DistlangRender
import TestSupport

/// Random HCL document trees for property tests: every construct, random layouts, hard strings.
struct HCLRandomTrees {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func file() -> HCLFile {
        let count = Int.random(in: 0...5, using: &rng)
        var items: [HCLBodyItem] = []
        var names = Set<String>()
        for _ in 0..<count {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: items.append(.comment(HardStrings.random(using: &rng)))
            case 1: items.append(.attribute(HCLAttribute(uniqueIdentifier(&names), expression(depth: 2))))
            default: items.append(.block(block(depth: 3)))
            }
        }
        return HCLFile(items)
    }

    mutating func block(depth: Int) -> HCLBlock {
        let type = rng.pick(["resource", "data", "variable", "output", "locals", "terraform", "dynamic", "x"])
        let labels = (0..<Int.random(in: 0...2, using: &rng)).map { _ in identifier() }
        var items: [HCLBodyItem] = []
        var names = Set<String>()
        for _ in 0..<Int.random(in: 0...7, using: &rng) {
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll == 0 {
                items.append(.comment(HardStrings.random(using: &rng)))
            } else if roll <= 2 && depth > 0 {
                items.append(.block(block(depth: depth - 1)))
            } else {
                items.append(.attribute(HCLAttribute(uniqueIdentifier(&names), expression(depth: 3))))
            }
        }
        return HCLBlock(HCLIdentifier(type)!, labels, body: HCLBody(items))
    }

    mutating func expression(depth: Int) -> HCLExpression {
        let roll = Int.random(in: 0..<(depth > 0 ? 13 : 8), using: &rng)
        switch roll {
        case 0: return .string(HardStrings.random(using: &rng))
        case 1: return .integer(rng.pick([0, 1, -1, 42, -300, Int64.max, Int64.min]))
        case 2: return .number(rng.pick([0.5, -0.25, 1e20, -1e-7, 123.456, .leastNonzeroMagnitude, -0.0, 1.0]))
        case 3: return .bool(rng.chance(0.5))
        case 4: return .null
        case 5, 6: return .traversal(traversal())
        case 7: return .string(rng.pick(HardStrings.fixed))
        case 8:
            let items = (0..<Int.random(in: 0...4, using: &rng)).map { _ in expression(depth: depth - 1) }
            return .list(items, layout: layout())
        case 9, 10:
            var keys = Set<String>()
            var items: [HCLObjectItem] = []
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                let key = rng.chance(0.6) ? identifier().name : HardStrings.random(using: &rng, maxPieces: 3)
                guard keys.insert(key).inserted else { continue }
                items.append(HCLObjectItem(key, expression(depth: depth - 1)))
            }
            return .object(items, layout: layout())
        case 11:
            let name = rng.pick(["jsonencode", "merge", "filesha256", "concat", "tolist", "timestamp"])
            let arguments = (0..<Int.random(in: 0...2, using: &rng)).map { _ in expression(depth: depth - 1) }
            return .call(HCLIdentifier(name)!, arguments)
        default:
            return .template(templateParts(depth: depth - 1))
        }
    }

    mutating func templateParts(depth: Int) -> [HCLTemplatePart] {
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            rng.chance(0.5)
                ? .literal(HardStrings.random(using: &rng, maxPieces: 4))
                : .interpolation(expression(depth: max(0, depth - 1)))
        }
    }

    mutating func traversal() -> HCLTraversal {
        var steps: [HCLTraversal.Step] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: steps.append(.index(Int.random(in: 0...12, using: &rng)))
            case 1: steps.append(.key(HardStrings.random(using: &rng, maxPieces: 3)))
            case 2: steps.append(.splat)
            default: steps.append(.attribute(identifier()))
            }
        }
        return HCLTraversal(identifier(), steps)
    }

    mutating func layout() -> HCLLayout { rng.pick([.automatic, .automatic, .singleLine, .multiLine]) }

    mutating func identifier() -> HCLIdentifier {
        let first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
        let rest = first + "0123456789-"
        var name = String(rng.pick(first))
        for _ in 0..<Int.random(in: 0...14, using: &rng) { name.append(rng.pick(rest)) }
        return HCLIdentifier(name)!
    }

    mutating func uniqueIdentifier(_ used: inout Set<String>) -> HCLIdentifier {
        while true {
            let candidate = identifier()
            if used.insert(candidate.name).inserted { return candidate }
        }
    }
}
