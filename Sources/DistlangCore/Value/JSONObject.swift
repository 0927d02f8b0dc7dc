/// A JSON object that keeps its keys in document order.
///
/// Lookup is a linear scan for small objects and a hash index once the object grows, so both
/// the typical spec (a handful of keys) and a 100,000-key document stay fast.
public struct JSONObject: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    private var index: [String: Int]? = nil

    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Builds an object from parallel arrays whose keys the caller has already checked to be unique.
    public init(uniqueKeys keys: [String], values: [Value]) {
        precondition(keys.count == values.count)
        self.keys = keys
        self.values = values
        if keys.count > Self.indexThreshold { buildIndex() }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in document order.
    public var entries: Zip2Sequence<[String], [Value]> { zip(keys, values) }

    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Reading gives the value for `key`; writing replaces it in place, appends a new key,
    /// or (with nil) removes the key.
    public subscript(key: String) -> Value? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let i = position(of: key) {
                    values[i] = newValue
                } else {
                    keys.append(key)
                    values.append(newValue)
                    if index != nil {
                        index![key] = keys.count - 1
                    } else if keys.count > Self.indexThreshold {
                        buildIndex()
                    }
                }
            } else if let i = position(of: key) {
                keys.remove(at: i)
                values.remove(at: i)
                if index != nil { buildIndex() }
            }
        }
    }

    /// Appends without checking for an existing key; loaders use it after their own duplicate check.
    public mutating func appendUnchecked(_ key: String, _ value: Value) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            buildIndex()
        }
    }

    private mutating func buildIndex() {
        var idx = [String: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() where idx[k] == nil { idx[k] = i }
        index = idx
    }
}

extension JSONObject: Equatable {
    /// JSON equality: same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (k, v) in lhs.entries {
            guard let other = rhs[k], other == v else { return false }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}
