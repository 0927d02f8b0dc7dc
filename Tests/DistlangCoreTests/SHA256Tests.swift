import DistlangCore
import Testing

/// SHA-256 at the block boundaries (55, 56, 63, 64, 65 ... bytes), fed whole and in pieces of every
/// size: the digest must not depend on how the bytes arrive. Expected values from Python's hashlib.
struct SHA256Tests {
    static let vectors: [(Int, String)] = [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (129, "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae"),
        (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test(arguments: vectors.map(\.0))
    func blockBoundaries(_ n: Int) {
        let expected = Self.vectors.first { $0.0 == n }!.1
        let text = String(repeating: "a", count: n)
        #expect(SHA256.hex(text) == expected)
        #expect(SHA256.hex(Array(text.utf8)) == expected)
        #expect(SHA256.hex(text.utf8) == expected)   // a sequence without contiguous storage
        #expect(SHA256.hex(AnySequence(Array(text.utf8))) == expected)
    }

    @Test func piecesOfEverySize() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let whole = SHA256.hex(bytes)
        for piece in 1...130 {
            var h = SHA256()
            var i = 0
            while i < bytes.count {
                h.update(bytes[i..<min(i + piece, bytes.count)])
                i += piece
            }
            let digest = h.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            #expect(digest == whole, "pieces of \(piece)")
        }
    }
}
