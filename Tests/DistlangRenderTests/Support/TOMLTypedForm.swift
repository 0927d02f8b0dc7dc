import DistlangCore
import DistlangRender

extension TypedForm {
    /// The typed form of what a TOML reader makes of `value`.
    static func of(_ value: TOMLValue) -> Value {
        switch value {
        case .string(let s): return string(s)
        case .integer(let i): return integer(i)
        case .float(let d): return float(d)
        case .bool(let b): return bool(b)
        case .array(let items): return array(items.map(of))
        case .table(let t), .inlineTable(let t): return of(t)
        case .arrayOfTables(let tables): return array(tables.map(of))
        }
    }

    static func of(_ table: TOMLTable) -> Value {
        self.table(table.entries.map { ($0.0, of($0.1)) })
    }
}
