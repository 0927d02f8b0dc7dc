import DistlangModel
import Testing

/// `resource(named:)` and `function(named:)` find by binary search in the sorted lists the spec
/// stage makes, and still answer for a list that is not sorted.
struct LookupTests {
    static func model(resources: [String], functions: [String]) -> AppModel {
        AppModel(
            app: "shop", environment: "default",
            functions: functions.map { FunctionModel(name: $0, source: "src/\($0).js") },
            resources: resources.map { ResourceModel(name: $0, kind: .kv) }, targets: TargetSettings())
    }

    @Test(arguments: [true, false])
    func findsEveryNameAndNoOther(_ sorted: Bool) {
        var names = (0..<50).map { "r-\($0)" }
        names = sorted ? names.sorted() : names.reversed()
        let m = Self.model(resources: names, functions: names)
        for name in names {
            #expect(m.resource(named: name)?.name == name)
            #expect(m.function(named: name)?.name == name)
        }
        for missing in ["", "a", "r-", "r-50", "r-9x", "zzz"] {
            #expect(m.resource(named: missing) == nil)
            #expect(m.function(named: missing) == nil)
        }
    }

    @Test func emptyLists() {
        let m = Self.model(resources: [], functions: [])
        #expect(m.resource(named: "x") == nil)
        #expect(m.function(named: "x") == nil)
    }
}
