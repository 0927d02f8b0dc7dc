import DistlangCore
import DistlangModel

/// The Lambda runtime of each spec runtime and its lifecycle: the one table distlang judges runtimes
/// by on AWS (dates from AWS's Lambda runtime deprecation policy, as cfn-lint 1.51.0 records them).
enum AWSRuntimes {
    struct Lifecycle {
        /// `nodejs22.x`
        var identifier: String
        /// AWS stops security patches; distlang warns from `warnBefore` days earlier.
        var deprecated: String
        /// Lambda refuses to create functions with it from this day: distlang reports an error.
        var createBlocked: String
        var updateBlocked: String
    }

    /// Days before the deprecation date from which a runtime gets a warning.
    static let warnBefore = 60

    static func lifecycle(_ runtime: Runtime) -> Lifecycle {
        switch runtime {
        case .nodejs20:
            return Lifecycle(identifier: "nodejs20.x", deprecated: "2026-04-30", createBlocked: "2026-06-01", updateBlocked: "2026-07-01")
        case .nodejs22:
            return Lifecycle(identifier: "nodejs22.x", deprecated: "2027-04-30", createBlocked: "2027-06-01", updateBlocked: "2027-07-01")
        case .nodejs24:
            return Lifecycle(identifier: "nodejs24.x", deprecated: "2028-04-30", createBlocked: "2028-06-01", updateBlocked: "2028-07-01")
        }
    }

    /// The newest runtime, suggested in place of an old one.
    static let newest = Runtime.allCases.max { lifecycle($0).deprecated < lifecycle($1).deprecated }!

    /// An error when Lambda no longer creates functions with the runtime, a warning from `warnBefore`
    /// days before its deprecation; placed at the function's `runtime`, else `defaults.runtime`, so a
    /// runtime set once in `defaults` gives one message.
    static func findings(for function: FunctionModel, today: String) -> [TargetFinding] {
        let life = lifecycle(function.runtime)
        let pointers = [JSONPointer.function(function.name, "runtime"), JSONPointer(tokens: ["defaults", "runtime"])]
        let hint = "use runtime: \(newest.rawValue)"
        if today >= life.createBlocked {
            return [TargetFinding(
                .error, "aws.runtime-retired",
                "\(function.runtime.rawValue) (\(life.identifier)) can no longer be deployed to AWS Lambda: AWS deprecated it on \(life.deprecated) and blocks creating functions with it from \(life.createBlocked) (updating them from \(life.updateBlocked))",
                at: pointers, hint: hint)]
        }
        if today >= CalendarDay.adding(-warnBefore, to: life.deprecated) {
            let when = today >= life.deprecated ? "was deprecated by AWS on" : "is deprecated by AWS on"
            return [TargetFinding(
                .warning, "aws.runtime-deprecated",
                "\(function.runtime.rawValue) (\(life.identifier)) \(when) \(life.deprecated); Lambda blocks creating functions with it from \(life.createBlocked)",
                at: pointers, hint: hint)]
        }
        return []
    }
}

/// Calendar days written `YYYY-MM-DD` (proleptic Gregorian), without Foundation's calendars.
enum CalendarDay {
    /// The day `days` after (or before, when negative) `day`.
    static func adding(_ days: Int, to day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        return format(daysFromCivil(parts[0], parts[1], parts[2]) + days)
    }

    /// Howard Hinnant's days-from-civil algorithm: days since 1970-01-01.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func format(_ z0: Int) -> String {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
