import DistlangCore

extension HCLExpression {
    /// The expression as a plain value for the build manifest and diffs: literals as themselves;
    /// references, calls and templates as their HCL text (e.g. `cloudflare_queue.orders.queue_name`).
    public var plainValue: Value {
        switch self {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .list(let items, _): return .array(items.map(\.plainValue))
        case .object(let items, _): return .object(JSONObject(items.map { ($0.key, $0.value.plainValue) }))
        case .traversal, .call, .template: return .string(HCLRenderer().render(self))
        }
    }
}
