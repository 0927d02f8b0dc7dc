import DistlangModel
import Foundation

/// How to write a route or a schedule that is written in another tool's dialect: API Gateway's
/// `{proxy+}`, Express's `:id`, a lowercase method, AWS's `rate(…)` and `cron(…)`.
enum ExpressionSuggestions {
    /// The route as distlang writes it (`post /notes/:id` -> `POST /notes/{id}`), or nil when no
    /// small rewrite makes it valid.
    static func route(_ text: String) -> String? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        var path = String(parts[1])
        if !path.hasPrefix("/") { path = "/" + path }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for i in segments.indices {
            let segment = segments[i]
            if segment.hasPrefix(":"), segment.count > 1 {
                segments[i] = "{\(segment.dropFirst())}"
            } else if segment.hasPrefix("{"), segment.hasSuffix("+}"), i == segments.count - 1 {
                segments[i] = "*"
            }
        }
        let fixed = "\(parts[0].uppercased()) \(segments.joined(separator: "/"))"
        guard fixed != text, case .success = Route.parse(fixed) else { return nil }
        return fixed
    }

    /// A 5-field cron expression for an AWS schedule expression, and what it means:
    /// `rate(30 minutes)` -> `*/30 * * * *`; `cron(0 3 * * ? *)` -> `0 3 * * *`. A rate that does not
    /// divide an hour, a day or a month gets the nearest cron expression, saying so.
    static func schedule(_ text: String) -> (cron: String, meaning: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("rate("), trimmed.hasSuffix(")") {
            return rate(String(trimmed.dropFirst(5).dropLast()))
        }
        if trimmed.hasPrefix("cron("), trimmed.hasSuffix(")") {
            return awsCron(String(trimmed.dropFirst(5).dropLast()))
        }
        return nil
    }

    /// `rate(…)` or `cron(…)`: how EventBridge writes schedules.
    static func isAWSSchedule(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (trimmed.hasPrefix("rate(") || trimmed.hasPrefix("cron(")) && trimmed.hasSuffix(")")
    }

    private static func rate(_ body: String) -> (cron: String, meaning: String)? {
        let parts = body.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[0]), n > 0 else { return nil }
        let unit = parts[1].lowercased().hasSuffix("s") ? String(parts[1].lowercased().dropLast()) : parts[1].lowercased()
        let every = n == 1 ? "every \(unit)" : "every \(n) \(unit)s"
        let inexact = "; no cron expression runs exactly \(every)"
        switch unit {
        case "minute" where 60 % n == 0: return (n == 1 ? "* * * * *" : "*/\(n) * * * *", every)
        case "minute" where n < 60: return ("*/\(n) * * * *", "at minutes 0, \(n), \(2 * n) … of each hour" + inexact)
        case "hour" where 24 % n == 0: return (n == 1 ? "0 * * * *" : "0 */\(n) * * *", every + ", on the hour")
        case "hour" where n < 24: return ("0 */\(n) * * *", "at hours 0, \(n), \(2 * n) … of each day" + inexact)
        case "day" where n == 1: return ("0 0 * * *", "every day at 00:00 UTC")
        case "day" where n < 31: return ("0 0 */\(n) * *", "on days 1, \(1 + n), \(1 + 2 * n) … of each month" + inexact)
        default: return nil
        }
    }

    /// AWS's six fields (minute hour day-of-month month day-of-week year, `?` for "any", weekdays 1-7
    /// from Sunday) as Unix's five.
    private static func awsCron(_ body: String) -> (cron: String, meaning: String)? {
        var fields = body.split(separator: " ").map(String.init)
        guard fields.count == 6, fields[5] == "*" else { return nil }
        fields.removeLast()
        fields = fields.map { $0 == "?" ? "*" : $0 }
        if let day = Int(fields[4]), (1...7).contains(day) { fields[4] = String(day - 1) }
        guard fields[4] == "*" || Int(fields[4]) != nil || fields[4].allSatisfy({ $0.isLetter || $0 == "-" || $0 == "," }) else { return nil }
        let cron = fields.joined(separator: " ")
        guard case .success = CronSchedule.parse(cron) else { return nil }
        return (cron, "the same times, in UTC")
    }
}
