import DistlangCore
import DistlangPackage
import Testing
import TestSupport

/// The import scanner: every import form, and text that only looks like imports.
struct ImportScannerTests {
    private func specifiers(_ text: String) -> [String] { ImportScanner.scan(text).imports.map(\.specifier) }

    @Test func findsEveryImportForm() {
        let text = """
            import "a";
            import d from "b";
            import * as n from "c";
            import { x, y as z } from "d";
            import d2, { w } from "e";
            import d3, * as n3 from 'f';
            export * from "g";
            export * as ns from "h";
            export { q } from "i";
            export { default as r, s } from "j";
            const m = await import("k");
            const t = await import(`l`);
            import data from "./m.json" with { type: "json" };
            export * as "string name" from "n";
            import {} from "o";
            import { "a-b" as ab } from "p";
            import from from "q";
            import { from } from "r";
            const j = await import("./s.json", { with: { type: "json" } });
            import old from "./t.json" assert { type: "json" };
            import type { T } from "u";
            export type { V } from "v";
            """
        let scan = ImportScanner.scan(text)
        #expect(scan.imports.map(\.specifier) == "abcdefghijklmnopqrstuv".map { String($0) }.map {
            ["m": "./m.json", "s": "./s.json", "t": "./t.json"][$0] ?? $0
        })
        let kinds = Dictionary(uniqueKeysWithValues: scan.imports.map { ($0.specifier, $0.kind) })
        for s in ["a", "b", "c", "d", "e", "f", "./m.json", "o", "p", "q", "r", "./t.json", "u"] { #expect(kinds[s] == .staticImport, "\(s)") }
        for s in ["g", "h", "i", "j", "n", "v"] { #expect(kinds[s] == .reexport, "\(s)") }
        for s in ["k", "l", "./s.json"] { #expect(kinds[s] == .dynamicImport, "\(s)") }
        #expect(scan.computedDynamicImports.isEmpty)
    }

    @Test func ignoresTextThatOnlyLooksLikeImports() {
        let text = #"""
            // import "x1"
            /* import "x2"
               export * from "x2b" */
            const s = "import x from 'x3'";
            const s2 = 'export * from "x4"';
            const r = /import("x5")/g;
            const d = a / b / c;
            const t = `import "x6" ${ `nested ${"import('x7')"} ${ { a: `import("x7b")` }.a }` } import("x8")`;
            const meta = import.meta.url;
            obj.import("x9");
            obj?.import("x10");
            obj. import("x10b");
            const important = 1; importantThing("x11");
            const o = { import: "x12" };
            class C { import(x) { return x; } static async import(y, z) { } #import = 1; }
            let exported = 2; export const e = 1;
            export { e2 };
            export default function exporter() {}
            import "real";
            """#
        let scan = ImportScanner.scan(text)
        #expect(scan.imports.map(\.specifier) == ["real"])
        #expect(scan.imports.first?.line == 19)
        #expect(scan.computedDynamicImports.isEmpty)
    }

    @Test func tellsRegularExpressionsFromDivision() {
        let cases: [(String, [String])] = [
            ("let x = a / 2; import \"r1\"; let y = b / 3;", ["r1"]),
            ("if (x) /import(\"no\")/.test(s);", []),
            ("while (x) /import(\"no\")/.exec(s);", []),
            ("x = s.split(/'/); import 'r3';", ["r3"]),
            ("const half = (a + b) / 2; import \"r4\"; const q = c / 4;", ["r4"]),
            ("const z = [1][0] / 2 / 1; import \"r5\";", ["r5"]),
            ("const w = x++ / 2; import \"r6\"; y-- / 2;", ["r6"]),
            ("function f() {}\n/import(\"no\")/.test(\"\");", []),
            ("const o = {a: 1} / 2; import \"r8\"; const p = 1 / 2;", ["r8"]),
            ("const t = `${ {a: 1}.a / 2 }`; import \"r9\"; x / y;", ["r9"]),
            ("const re = /[/]import(\"no\")/; import \"r10\";", ["r10"]),
            ("const re = /\\/import(\"no\")\\//; import \"r11\";", ["r11"]),
            ("x.return / 2; import \"r12\"; y / 3;", ["r12"]),
            ("function g(s) { return /import(\"no\")/.test(s); }", []),
            ("typeof /import(\"no\")/; x = y in /import(\"no2\")/;", []),
            ("switch (x) { case /import(\"no\")/: }", []),
            ("const n = 1.5e+3 / 2; const h = 0x1e / 2; import \"r13\"; 3 / 4;", ["r13"]),
            ("const q = \"a\" / 2; const v = `t` / 2; import \"r14\"; z / 1;", ["r14"]),
            ("a /= 2; import \"r15\"; b /= 3;", ["r15"]),
            ("[].map(x => x) / 2; import \"r16\"; c / 1;", ["r16"]),
            ("label: { break label; }\n/import(\"no\")/.test(\"\");", []),
            ("switch (x) { case 1: {} /import(\"no\")/.test(\"\"); default: {} /import(\"no2\")/; }", []),
            ("const v = a ? {b: 1} : {c: 2} / 2; import \"r17\"; x / 2;", ["r17"]),
            ("const n = a ?? {} / 2; import \"r18\"; y / 2;", ["r18"]),
            ("const o = { k: {} / 2 }; import \"r19\"; z / 2;", ["r19"]),
        ]
        for (text, expected) in cases {
            #expect(specifiers(text) == expected, "\(text)")
        }
    }

    @Test func reportsComputedDynamicImports() {
        let text = """
            const a = await import(name);
            const b = await import("./a" + b);
              const c = await import(`./${x}.js`);
            const d = await import("./lit.js");
            """
        let scan = ImportScanner.scan(text)
        #expect(scan.imports.map(\.specifier) == ["./lit.js"])
        #expect(scan.computedDynamicImports == [
            SourcePosition(line: 1, column: 17), SourcePosition(line: 2, column: 17), SourcePosition(line: 3, column: 19),
        ])
    }

    @Test func countsColumnsInUnicodeScalars() {
        let prefix = "const ñ = \"é😀👩‍💻\"; /* ü */ import "
        let text = "// line one\r\n\(prefix)\"./u1.js\";\n\tconst x = 1; export * from \"./u2.js\";"
        let imports = ImportScanner.scan(text).imports
        #expect(imports.count == 2)
        #expect(imports[0].line == 2)
        #expect(imports[0].column == prefix.unicodeScalars.count + 1)
        #expect(imports[0].endColumn == prefix.unicodeScalars.count + 1 + "\"./u1.js\"".count)
        #expect(imports[1].line == 3)
        #expect(imports[1].column == "\tconst x = 1; export * from ".unicodeScalars.count + 1)
        // A lone CR breaks lines too (as SourceCache shows them).
        #expect(ImportScanner.scan("a;\rb;\r\rimport \"x\";").imports.first?.line == 4)
    }

    @Test func decodesEscapesInSpecifiers() {
        #expect(specifiers(#"import "./\u0061.js"; import './\x62.js'; import "./\u{1F600}.js"; import "./\uD83D\uDE00.js";"#)
            == ["./a.js", "./b.js", "./😀.js", "./😀.js"])
        #expect(specifiers("import \"./long\\\nname.js\";") == ["./longname.js"])
    }

    @Test func skipsAHashbangLine() {
        let imports = ImportScanner.scan("#!/usr/bin/env node\nimport \"h\";").imports
        #expect(imports.map(\.specifier) == ["h"])
        #expect(imports.first?.line == 2)
    }

    @Test func survivesUnterminatedAndHostileInput() {
        let inputs = [
            "import \"unterminated", "const s = 'open\nimport \"after\";", "/* never closed import \"x\"",
            "`template ${ never closed import(\"x\")", "const r = /unterminated\nimport \"after2\";",
            String(repeating: "${`", count: 20_000), String(repeating: "{", count: 100_000) + "import \"deep\";",
            String(repeating: "(", count: 50_000), String(repeating: "import(", count: 10_000),
            String(repeating: "import {", count: 10_000), "export * as", "import", "import(", "\u{FEFF}import \"bom\";",
            "\\u{", "#", "#!", "0x", "1e", "'\\", "`\\", "/\\", "import \"\\u{110000}\";", "import \"\\uD800\";",
        ]
        for text in inputs { _ = ImportScanner.scan(text) }
        #expect(specifiers("const s = 'open\nimport \"after\";") == ["after"])
        #expect(specifiers("const r = /unterminated\nimport \"after2\";") == ["after2"])
        #expect(specifiers(String(repeating: "{", count: 100_000) + "import \"deep\";") == ["deep"])
        #expect(specifiers("\u{FEFF}import \"bom\";") == ["bom"])
        #expect(specifiers("import \"\\u{110000}\";") == ["\u{FFFD}"])
    }

    @Test func survivesBinaryGarbage() {
        var random = SeededRandom(seed: 14)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<2000, using: &random)).map { _ in
                random.chance(0.3) ? random.pick(Array("import(\"'`/${}*\\\n".utf8)) : UInt8.random(in: 0...255, using: &random)
            }
            let scan = ImportScanner.scan(String(decoding: bytes, as: UTF8.self))
            for i in scan.imports { #expect(i.line >= 1 && i.column >= 1) }
        }
    }

    @Test func scansALargeModuleInOnePass() {
        let chunk = "const a = b / c; /* comment */ const s = `x ${ y } z`; const r = /re[/]g/; export { a } from \"./m.js\";\n"
        let text = String(repeating: chunk, count: 10_000)  // 1 MB
        let scan = ImportScanner.scan(text)
        #expect(scan.imports.count == 10_000)
        #expect(scan.imports.last?.line == 10_000)
    }
}
