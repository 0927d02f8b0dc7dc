import DistlangCore

/// A TOML value. Whether a table is written as a `[section]` or inline is part of the tree.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    /// A float; infinity and NaN are written as TOML's `inf` and `nan`.
    case float(Double)
    case bool(Bool)
    /// `[a, b]` on one line.
    case array([TOMLValue])
    /// A `[section]` when it stands in a table's body; inline (`{ ... }`) inside arrays and inline tables.
    case table(TOMLTable)
    /// `{ key = value, ... }` on one line (TOML 1.0 inline tables cannot span lines).
    case inlineTable(TOMLTable)
    /// `[[section]]` entries, one per table; inside arrays and inline tables (or when empty) an
    /// array of inline tables.
    case arrayOfTables([TOMLTable])
}

extension TOMLValue {
    /// The TOML form of a JSON-like value: objects become inline tables. nil when the value holds
    /// a `null` anywhere, which TOML cannot express.
    public init?(_ value: Value) {
        switch value {
        case .null: return nil
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .array(let items):
            var converted: [TOMLValue] = []
            for item in items {
                guard let value = TOMLValue(item) else { return nil }
                converted.append(value)
            }
            self = .array(converted)
        case .object(let object):
            var table = TOMLTable()
            for (key, item) in object.entries {
                guard let value = TOMLValue(item) else { return nil }
                table[key] = value
            }
            self = .inlineTable(table)
        }
    }
}

extension TOMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(arrayLiteral elements: TOMLValue...) { self = .array(elements) }
}
