import DistlangCore

/// A byte pass before toml++ sees the text: toml++ bounds the nesting of inline arrays and tables (256)
/// but not of dotted keys (`[a.a.a…]`, `a.a.a… = 1`), and it walks a deeply nested document with
/// recursion, so two million segments crash it. A line (or a multi-line array or inline table) whose
/// keys hold more dots than the depth limit is refused here instead. Dots inside strings and comments,
/// and between two digits (floats, fractional seconds), are not counted; multi-line strings are skipped.
struct TOMLDepthCheck {
    let bytes: ArraySlice<UInt8>
    let maxDepth: Int

    /// The byte offset (from the start of `bytes`) of the first line that nests too deep, or nil.
    func firstTooDeepLine() -> Int? {
        let b = Array(bytes)
        var i = 0
        var lineStart = 0
        var dots = 0
        var brackets = 0
        var multiline: UInt8?
        func isDigit(_ j: Int) -> Bool { j >= 0 && j < b.count && b[j] >= 0x30 && b[j] <= 0x39 }
        func triple(_ j: Int, _ q: UInt8) -> Bool { j + 2 < b.count && b[j] == q && b[j + 1] == q && b[j + 2] == q }
        while i < b.count {
            let c = b[i]
            if let q = multiline {
                if c == UInt8(ascii: "\\"), q == UInt8(ascii: "\"") { i += 2; continue }
                if triple(i, q) { multiline = nil; i += 3; continue }
                if c == 0x0A, brackets <= 0 { lineStart = i + 1; dots = 0 }
                i += 1
                continue
            }
            switch c {
            case 0x0A where brackets <= 0:
                lineStart = i + 1
                dots = 0
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                brackets -= 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if triple(i, c) { multiline = c; i += 3; continue }
                i += 1
                while i < b.count, b[i] != c, b[i] != 0x0A {
                    if c == UInt8(ascii: "\""), b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            case UInt8(ascii: "#"):
                while i < b.count, b[i] != 0x0A { i += 1 }
                continue
            case UInt8(ascii: "."):
                if !(isDigit(i - 1) && isDigit(i + 1)) {
                    dots += 1
                    if dots >= maxDepth { return lineStart }
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
