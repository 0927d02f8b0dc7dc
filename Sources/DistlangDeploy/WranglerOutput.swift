import DistlangCore
import DistlangLoader

/// Reading what wrangler prints: the account's stores as JSON, the id of a store just created,
/// and whether a queue exists already.
public enum WranglerOutput {
    /// `wrangler kv namespace list` (`[{"id", "title", …}]`) or `wrangler d1 list --json`
    /// (`[{"uuid", "name", …}]`), read from standard output: name -> id. Nil when the output is not
    /// such a list.
    public static func stores(_ output: String, kind: StoreKind) -> [String: String]? {
        // The list starts a line (a line before it may hold a notice such as `▲ [WARNING] …`).
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("[") }) else { return nil }
        let json = lines[first...].joined(separator: "\n")
        guard let document = Loader.load(text: json, file: "wrangler output", format: .json).document,
            case .array(let items) = document.value
        else { return nil }
        let (idKey, nameKey) = kind == .kv ? ("id", "title") : ("uuid", "name")
        var out: [String: String] = [:]
        for item in items {
            guard case .object(let object) = item, case .string(let id)? = object[idKey], case .string(let name)? = object[nameKey] else {
                continue
            }
            if out[name] == nil { out[name] = id }
        }
        return out
    }

    /// The id in what `wrangler kv namespace create` (32 hexadecimal digits) or `wrangler d1
    /// create` (a UUID) prints: the first such token after `id`, whatever the snippet's format
    /// (TOML or JSON, by wrangler version).
    public static func createdID(_ output: String, kind: StoreKind) -> String? {
        let bytes = Array(output.utf8)
        let wanted = kind == .kv ? [32] : [8, 4, 4, 4, 12]
        let length = wanted.reduce(0, +) + wanted.count - 1
        func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46) }
        var i = 0
        while i + length <= bytes.count {
            let candidate = bytes[i..<(i + length)]
            let before = i == 0 ? nil : bytes[i - 1]
            let after = i + length < bytes.count ? bytes[i + length] : nil
            let bounded = !(before.map { isHex($0) || $0 == UInt8(ascii: "-") } ?? false) && !(after.map { isHex($0) || $0 == UInt8(ascii: "-") } ?? false)
            if bounded, String(decoding: candidate, as: UTF8.self).split(separator: "-", omittingEmptySubsequences: false).map(\.utf8.count) == wanted,
                candidate.allSatisfy({ isHex($0) || $0 == UInt8(ascii: "-") })
            {
                return String(decoding: candidate, as: UTF8.self).lowercased()
            }
            i += 1
        }
        return nil
    }

    /// Whether a failed `wrangler queues create` says the queue exists already (then it is there,
    /// which is what the step wants).
    public static func queueExists(_ output: String) -> Bool {
        let text = output.lowercased()
        return text.contains("already exists") || text.contains("already taken")
    }
}
