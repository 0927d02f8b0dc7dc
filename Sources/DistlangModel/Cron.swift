/// A 5-field cron schedule (`minute hour day-of-month month day-of-week`, UTC) with Unix cron meaning:
/// day-of-week 0-7 where 0 and 7 are Sunday, names `SUN`..`SAT` and `JAN`..`DEC` in any case,
/// `*`, lists, ranges and steps. Each target renders it in its own dialect.
public struct CronSchedule: Sendable, Equatable, CustomStringConvertible {
    /// The schedule as the spec wrote it.
    public var expression: String
    public var minute: CronField
    public var hour: CronField
    public var dayOfMonth: CronField
    public var month: CronField
    /// Day-of-week values are normalised to 0 (Sunday) ... 6 (Saturday).
    public var dayOfWeek: CronField

    public var description: String { expression }

    /// Both day fields restricted: Unix cron runs when either matches; EventBridge cannot say that.
    public var restrictsBothDayFields: Bool { !dayOfMonth.isAny && !dayOfWeek.isAny }

    public static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
    public static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// Parses a 5-field expression; the error says which field is wrong and why.
    public static func parse(_ expression: String) -> Result<CronSchedule, CronError> {
        let fields = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else { return .failure(.fieldCount(fields.count)) }
        do {
            return .success(
                CronSchedule(
                    expression: expression,
                    minute: try CronField.parse(fields[0], .minute),
                    hour: try CronField.parse(fields[1], .hour),
                    dayOfMonth: try CronField.parse(fields[2], .dayOfMonth),
                    month: try CronField.parse(fields[3], .month),
                    dayOfWeek: try CronField.parse(fields[4], .dayOfWeek)))
        } catch let error as CronError {
            return .failure(error)
        } catch {
            return .failure(.value("?", .minute, "\(error)"))
        }
    }

    /// Cloudflare Cron Triggers: five fields; days of the week as names (Cloudflare numbers them 1-7
    /// from Sunday, so names avoid any confusion with Unix numbering).
    public var cloudflareExpression: String {
        [minute.render(), hour.render(), dayOfMonth.render(), month.render(), dayOfWeek.renderDays()].joined(separator: " ")
    }

    /// EventBridge `cron(...)`: six fields with a year, `?` in the unrestricted day field, steps from
    /// the field's first value (`0/15`, not `*/15`). Nil when both day fields are restricted.
    public var eventBridgeExpression: String? {
        if restrictsBothDayFields { return nil }
        let dom: String, dow: String
        if dayOfWeek.isAny {
            dom = dayOfMonth.render(stepStart: 1)
            dow = "?"
        } else {
            dom = "?"
            dow = dayOfWeek.renderDays()
        }
        let fields = [minute.render(stepStart: 0), hour.render(stepStart: 0), dom, month.render(stepStart: 1), dow, "*"]
        return "cron(" + fields.joined(separator: " ") + ")"
    }
}

/// Why a schedule is not a valid 5-field cron expression.
public enum CronError: Error, Equatable, CustomStringConvertible {
    case fieldCount(Int)
    case value(String, CronFieldKind, String)

    public var description: String {
        switch self {
        case .fieldCount(let n):
            return "a schedule needs 5 fields (minute hour day-of-month month day-of-week), not \(n)"
        case .value(let text, let field, let why):
            return "\"\(text)\" is not a valid \(field.label): \(why)"
        }
    }
}

public enum CronFieldKind: Sendable, Equatable {
    case minute, hour, dayOfMonth, month, dayOfWeek

    public var label: String {
        switch self {
        case .minute: return "minute (0-59)"
        case .hour: return "hour (0-23)"
        case .dayOfMonth: return "day of month (1-31)"
        case .month: return "month (1-12 or JAN-DEC)"
        case .dayOfWeek: return "day of week (0-7 or SUN-SAT)"
        }
    }

    var range: ClosedRange<Int> {
        switch self {
        case .minute: return 0...59
        case .hour: return 0...23
        case .dayOfMonth: return 1...31
        case .month: return 1...12
        case .dayOfWeek: return 0...7
        }
    }

    var names: [String] {
        switch self {
        case .month: return CronSchedule.monthNames
        case .dayOfWeek: return CronSchedule.dayNames
        default: return []
        }
    }

    /// The number a name stands for (`JAN` = 1, `SUN` = 0).
    func value(ofName name: String) -> Int? {
        guard let i = names.firstIndex(of: name.uppercased()) else { return nil }
        return self == .month ? i + 1 : i
    }
}

/// One cron field: `*`, or a list of values, ranges and steps.
public enum CronField: Sendable, Equatable {
    case any
    case list([CronPart])

    public var isAny: Bool { if case .any = self { return true } else { return false } }

    static func parse(_ text: String, _ kind: CronFieldKind) throws -> CronField {
        if text == "*" { return .any }
        var parts: [CronPart] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            parts.append(try CronPart.parse(String(item), kind, whole: text))
        }
        if kind == .dayOfWeek { parts = parts.map { $0.normalisingSunday() } }
        return .list(parts)
    }

    /// The field in standard syntax; `stepStart` replaces `*` before a step (EventBridge wants `0/15`).
    func render(stepStart: Int? = nil) -> String {
        switch self {
        case .any: return "*"
        case .list(let parts): return parts.map { $0.render(stepStart: stepStart) }.joined(separator: ",")
        }
    }

    /// The days of the week as names: runs of consecutive days as ranges (`MON-FRI`), no wrap-around.
    func renderDays() -> String {
        let days = expandDays()
        if days.count == 7 { return "*" }
        var runs: [String] = []
        var i = 0
        let sorted = days.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[j] + 1 { j += 1 }
            let first = CronSchedule.dayNames[sorted[i]], last = CronSchedule.dayNames[sorted[j]]
            runs.append(i == j ? first : j == i + 1 ? "\(first),\(last)" : "\(first)-\(last)")
            i = j + 1
        }
        return runs.joined(separator: ",")
    }

    /// The set of days (0 = Sunday ... 6) the field selects.
    func expandDays() -> Set<Int> {
        switch self {
        case .any: return Set(0...6)
        case .list(let parts):
            var days = Set<Int>()
            for part in parts { days.formUnion(part.values(in: 0...7).map { $0 % 7 }) }
            return days
        }
    }
}

/// One item of a cron list.
public enum CronPart: Sendable, Equatable {
    case value(Int)
    case range(Int, Int)
    /// `base/step`, where the base is `*` (nil), a start value, or a range.
    case step(start: Int?, end: Int?, step: Int)

    static func parse(_ text: String, _ kind: CronFieldKind, whole: String) throws -> CronPart {
        func fail(_ why: String) -> CronError { .value(whole, kind, why) }
        func number(_ s: Substring) throws -> Int {
            if let n = Int(s), s.allSatisfy(\.isNumber) {
                guard kind.range.contains(n) else {
                    throw fail("\(n) is outside \(kind.range.lowerBound)-\(kind.range.upperBound)")
                }
                return n
            }
            if let n = kind.value(ofName: String(s)) { return n }
            if s.isEmpty { throw fail("a value is missing") }
            if "LW#?".contains(where: { s.contains($0) }) {
                throw fail("'\(s)' uses L, W, # or ?, which spec v1 schedules do not support (they are not Unix cron)")
            }
            throw fail("'\(s)' is not a number\(kind.names.isEmpty ? "" : " or a name")")
        }
        let slash = text.split(separator: "/", omittingEmptySubsequences: false)
        guard slash.count <= 2 else { throw fail("'\(text)' has more than one '/'") }
        let base = slash[0]
        var start: Int?, end: Int?
        if base == "*" {
            guard slash.count == 2 else { throw fail("'*' cannot be part of a list") }
        } else {
            let dash = base.split(separator: "-", omittingEmptySubsequences: false)
            guard dash.count <= 2 else { throw fail("'\(base)' is not a range") }
            start = try number(dash[0])
            if dash.count == 2 {
                end = try number(dash[1])
                if end! < start! { throw fail("the range \(base) runs backwards") }
            }
        }
        if slash.count == 2 {
            guard let step = Int(slash[1]), step >= 1, slash[1].allSatisfy(\.isNumber) else {
                throw fail("the step '\(slash[1])' must be a positive number")
            }
            return .step(start: start, end: end, step: step)
        }
        if let start, let end { return .range(start, end) }
        return .value(start!)
    }

    /// Day of week 7 is Sunday, like 0.
    func normalisingSunday() -> CronPart {
        if case .value(7) = self { return .value(0) }
        return self
    }

    func render(stepStart: Int?) -> String {
        switch self {
        case .value(let v): return String(v)
        case .range(let a, let b): return "\(a)-\(b)"
        case .step(let start, let end, let step):
            let base: String
            if let start { base = end.map { "\(start)-\($0)" } ?? String(start) } else { base = stepStart.map(String.init) ?? "*" }
            return "\(base)/\(step)"
        }
    }

    func values(in range: ClosedRange<Int>) -> [Int] {
        switch self {
        case .value(let v): return [v]
        case .range(let a, let b): return Array(a...b)
        case .step(let start, let end, let step):
            let from = start ?? range.lowerBound
            let to = end ?? (start != nil && end == nil ? range.upperBound : range.upperBound)
            return Array(stride(from: from, through: to, by: step))
        }
    }
}
