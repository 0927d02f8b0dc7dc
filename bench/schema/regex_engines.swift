// Micro-benchmark: the built-in SimplePattern matcher vs NSRegularExpression vs Swift Regex on one
// typical schema pattern over 200,000 keys. Run by bench/schema/regex_engines.sh.
import Foundation
let keys = (0..<200_000).map { "service-\($0 % 5000)-name" }
let pattern = "^[a-z][a-z0-9-]{0,30}[a-z0-9]$"
func time(_ name: String, _ body: () -> Int) {
    let t = Date()
    let n = body()
    print(name, String(format: "%.3f s", Date().timeIntervalSince(t)), n)
}
let simple = SimplePattern(pattern)!
time("SimplePattern") { keys.filter { simple.matches($0)! }.count }
let ns = try! NSRegularExpression(pattern: pattern)
time("NSRegularExpression") { keys.filter { ns.firstMatch(in: $0, range: NSRange(location: 0, length: $0.utf16.count)) != nil }.count }
let rx = try! Regex(pattern)
time("Swift Regex") { keys.filter { (try? rx.firstMatch(in: $0)) != nil }.count }
