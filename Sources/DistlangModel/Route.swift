/// An HTTP route of a function: `METHOD /path`, where segments may be `{param}` and a trailing `/*`
/// matches the rest of the path.
public struct Route: Sendable, Equatable, CustomStringConvertible {
    public var method: HTTPMethod
    /// The path as written, e.g. `/orders/{id}` or `/files/*`.
    public var path: String

    public init(method: HTTPMethod, path: String) {
        self.method = method
        self.path = path
    }

    /// `GET /orders/{id}`
    public var description: String { "\(method.rawValue) \(path)" }

    /// True when the path ends in `/*` (or is `/*`).
    public var isGreedy: Bool { path.hasSuffix("/*") }

    /// Path parameter names, in order.
    public var parameters: [String] {
        path.split(separator: "/").compactMap { seg in
            seg.hasPrefix("{") && seg.hasSuffix("}") ? String(seg.dropFirst().dropLast()) : nil
        }
    }

    /// Parses `METHOD /path`; nil with a reason when malformed.
    public static func parse(_ text: String) -> Result<Route, RouteError> {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return .failure(.shape) }
        guard let method = HTTPMethod(rawValue: String(parts[0])) else {
            return .failure(.method(String(parts[0])))
        }
        let path = String(parts[1])
        guard path.hasPrefix("/") else { return .failure(.path(path, "it must start with '/'")) }
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        var names = Set<Substring>()
        for (i, seg) in segments.enumerated() {
            let isLast = i == segments.count - 1
            let text = Substring(seg)
            if seg.isEmpty {
                if isLast && segments.count == 1 { continue }  // "/"
                return .failure(.path(path, "it has an empty segment"))
            }
            if text == "*" {
                if !isLast { return .failure(.path(path, "'*' may only be the last segment")) }
                continue
            }
            if seg.first == UInt8(ascii: "{") {
                let name = seg.dropFirst().dropLast()
                guard seg.last == UInt8(ascii: "}"), let first = name.first, isLetter(first) || first == UInt8(ascii: "_"),
                    name.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") })
                else { return .failure(.path(path, "'\(text)' is not a valid parameter (use {name})")) }
                guard names.insert(Substring(name)).inserted else {
                    return .failure(.path(path, "the parameter {\(Substring(name))} appears twice"))
                }
                continue
            }
            guard seg.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "~") }) else {
                return .failure(.path(path, "'\(text)' has characters outside letters, digits and - . _ ~"))
            }
        }
        return .success(Route(method: method, path: path))
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

/// Why a route string is not valid.
public enum RouteError: Error, Equatable, CustomStringConvertible {
    case shape
    case method(String)
    case path(String, String)

    public var description: String {
        switch self {
        case .shape: return "a route is written \"METHOD /path\", e.g. \"GET /orders/{id}\""
        case .method(let m):
            return "\"\(m)\" is not an HTTP method; use one of \(HTTPMethod.allCases.map(\.rawValue).joined(separator: ", "))"
        case .path(let p, let why): return "the path \"\(p)\" is not valid: \(why)"
        }
    }
}

public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY
}
