import DistlangPackage
import Foundation
import Testing
import TestSupport

/// The scanner against V8: random modules built from import statements and from code that only looks
/// like imports (comments, strings, templates, regular expressions next to divisions, methods named
/// `import`) must give the static imports V8's parser finds (`vm.SourceTextModule`'s
/// `dependencySpecifiers`), and the dynamic imports the generator wrote.
struct ScannerAgainstNodeTests {
    /// A generated module and what it imports.
    private struct Module {
        var text = ""
        /// Static imports and re-exports, each once, in order (as V8 lists them).
        var staticSpecifiers: [String] = []
        var dynamicSpecifiers: [String] = []
        var computed = 0
    }

    private static let specifiers = ["a", "./b.js", "../c/d.mjs", "@s/p/sub", "node:fs", "./é 😀.js", "./q'uote.js"]

    private static func literal(_ s: String, _ random: inout SeededRandom) -> String {
        let quote = s.contains("'") || random.chance(0.5) ? "\"" : "'"
        return quote + s + quote
    }

    /// One statement: an import of some form, or a look-alike.
    private static func fragment(_ k: Int, _ random: inout SeededRandom, into m: inout Module) -> String {
        let s = random.pick(specifiers)
        let lit = literal(s, &random)
        func addStatic() { if !m.staticSpecifiers.contains(s) { m.staticSpecifiers.append(s) } }
        switch Int.random(in: 0..<44, using: &random) {
        case 0: addStatic(); return "import \(lit);"
        case 1: addStatic(); return "import d\(k) from \(lit);"
        case 2: addStatic(); return "import * as n\(k) from \(lit);"
        case 3: addStatic(); return "import { x as x\(k) } from \(lit);"
        case 4: addStatic(); return "import d\(k), { y as y\(k), \"str\" as w\(k) } from \(lit);"
        case 5: addStatic(); return "export * from \(lit);"
        case 6: addStatic(); return "export * as e\(k) from \(lit);"
        case 7: addStatic(); return "export { z as z\(k) } from \(lit);"
        case 8: addStatic(); return "import j\(k) from \(lit) with { type: \"json\" };"
        case 9: addStatic(); return "import /* c */ {\n  v\(k),\n} from // c\n\(lit);"
        case 10: m.dynamicSpecifiers.append(s); return "await import(\(lit));"
        case 11: m.dynamicSpecifiers.append(s); return "const dj\(k) = import(`\(s)`, { with: { type: \"json\" } });"
        case 12: m.computed += 1; return "import(name\(k) + \(lit));"
        case 13: return "// import \"LC\"; export * from 'LC2'"
        case 14: return "/* import \"BC\"\n export * from 'BC2' */"
        case 15: return "const s\(k) = \"import x from 'STR'\";"
        case 16: return "const t\(k) = `import \"T1\" ${ `in ${\"import('T2')\"} ${ \"}\" }` } ${ { a: 1 }.a / 2 } import(\"T3\")`;"
        case 17: return "const r\(k) = /import(\"RE\")[/]\\/\"/g;"
        case 18: return "const q\(k) = a / b / c;"
        case 19: return "if (x) /import(\"IF\")/.test(s);"
        case 20: return "function f\(k)() { return /\"import 'FN'\"/.test(s); }"
        case 21: return "function g\(k)() {}\n/import(\"AFTERFN\")/.test(\"\");"
        case 22: return "const o\(k) = { import: \"OBJ\", a: 1 } / 2;"
        case 23: return "class C\(k) { import(x) { return x; } static import() {} get import() { return 1; } }"
        case 24: return "const m\(k) = import.meta.url;"
        case 25: return "obj.import(\"PROP\"); obj?.import(\"OPT\");"
        case 26: return "const important\(k) = 1; const exported\(k) = 2;"
        case 27: return "x\(k)++ / 2;"
        case 28: return "label\(k): { break label\(k); }\n/import(\"LABEL\")/.test(\"\");"
        case 29: return "const u\(k) = \"é😀\\u0041 \\\" import 'ESC'\";"
        case 30: return "const w\(k) = (a) / 2 / (b);"
        case 31: return "const num\(k) = 1.5e+3 / 0x1e / .5 / 10n;"
        case 32: return "const ty\(k) = typeof /import(\"TYPEOF\")/;"
        case 33: return "switch (1) { case /import(\"CASE\")/.source: break; }"
        case 34: return "const tmpl\(k) = tag`a${b}c${ `${ \"}\" }` }d`;"
        case 35: return "const tern\(k) = x ? /\"/ : /'/;"
        case 36: return "const arrow\(k) = () => /import(\"ARROW\")/;"
        case 37: return "const div\(k) = this.a / this.b; const ret\(k) = obj.return / 2;"
        case 38: return "const sq\(k) = '\\'import \"SQ\"\\'';"
        case 39:
            // A `/` after a name divides, even on the next line: this import( is real code.
            m.dynamicSpecifiers.append("./DIV.js")
            return "const dv\(k) = b\n/import(\"./DIV.js\")/ 1;"
        case 40: return "function* gen\(k)() { yield /import(\"YIELD\")/; }"
        case 41: return "const aw\(k) = async () => await /import(\"AWAIT\")/;"
        case 42: return "const cl\(k) = /[\\]/]import(\"CLASS\")/;"
        default: return "export const ex\(k) = [1][0] / 2;"
        }
    }

    private static func module(_ random: inout SeededRandom) -> Module {
        var m = Module()
        var parts: [String] = []
        for k in 0..<Int.random(in: 3...25, using: &random) { parts.append(fragment(k, &random, into: &m)) }
        m.text = parts.joined(separator: random.chance(0.5) ? "\n" : "\r\n")
        return m
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("node"))))
    func findsWhatV8Finds() throws {
        var random = SeededRandom(seed: 2026)
        let modules = (0..<300).map { _ in Self.module(&random) }
        let input = RepositoryPaths.temporaryDirectory("distlang-scan").appendingPathComponent("modules.json")
        try JSONSerialization.data(withJSONObject: modules.map(\.text)).write(to: input)
        let script = """
            const vm = require("node:vm"), fs = require("node:fs");
            const texts = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
            console.log(JSON.stringify(texts.map((t) => {
              // V8 lists a specifier once per set of import attributes: once is enough here.
              try { return [...new Set(new vm.SourceTextModule(t).dependencySpecifiers)]; } catch (e) { return "syntax error: " + e.message; }
            })));
            """
        let result = CommandRunner.run(
            "node", ["--no-warnings", "--experimental-vm-modules", "-e", script, input.path], timeout: 60)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let v8 = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])
        #expect(v8.count == modules.count)
        for (m, found) in zip(modules, v8) {
            // The generator's own bookkeeping must agree with V8 (else the test data is wrong).
            #expect(found as? [String] == m.staticSpecifiers, "V8 disagrees with the generator on:\n\(m.text)\n\(found)")
            let scan = ImportScanner.scan(m.text)
            var ours: [String] = []
            for i in scan.imports where i.kind != .dynamicImport && !ours.contains(i.specifier) { ours.append(i.specifier) }
            #expect(ours == m.staticSpecifiers, "\(m.text)")
            #expect(scan.imports.filter { $0.kind == .dynamicImport }.map(\.specifier) == m.dynamicSpecifiers, "\(m.text)")
            #expect(scan.computedDynamicImports.count == m.computed, "\(m.text)")
        }
    }
}
