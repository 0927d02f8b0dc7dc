/// A name that HCL writes bare: a block type, a block label, an attribute name, a function name
/// or a step of a reference.
///
/// Only the ASCII subset of HCL identifiers is accepted: `[A-Za-z_][A-Za-z0-9_-]*`. Labels are
/// identifiers too, because every label distlang writes (resource types and names, variable,
/// output and provider names) must be one for Terraform, and because `terraform fmt` rewrites
/// labels that hold anything else.
public struct HCLIdentifier: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier's text.
    public let name: String

    /// The identifier, or nil when `name` is not a valid identifier.
    public init?(_ name: String) {
        guard Self.isValid(name) else { return nil }
        self.name = name
    }

    /// For names written in source code; an invalid literal is a programming error and traps.
    public init(stringLiteral value: String) {
        precondition(Self.isValid(value), "not an HCL identifier: \(value.debugDescription)")
        self.name = value
    }

    public var description: String { name }

    /// Whether `name` matches `[A-Za-z_][A-Za-z0-9_-]*`.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, isStart(first) else { return false }
        return name.utf8.dropFirst().allSatisfy(isContinue)
    }

    /// A valid identifier made from any text: every character outside `[A-Za-z0-9_-]` becomes `_`,
    /// and `_` is put in front when the text does not start with a letter or `_`.
    /// Different inputs can give the same identifier; callers keep names unique themselves.
    public static func sanitizing(_ raw: String) -> HCLIdentifier {
        var bytes: [UInt8] = raw.unicodeScalars.map { scalar in
            scalar.isASCII && isContinue(UInt8(scalar.value)) ? UInt8(scalar.value) : UInt8(ascii: "_")
        }
        if bytes.first.map(isStart) != true { bytes.insert(UInt8(ascii: "_"), at: 0) }
        return HCLIdentifier(validated: String(decoding: bytes, as: UTF8.self))
    }

    private init(validated name: String) { self.name = name }

    private static func isStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    private static func isContinue(_ b: UInt8) -> Bool {
        isStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }
}
