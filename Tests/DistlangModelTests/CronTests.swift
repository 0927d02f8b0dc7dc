import DistlangModel
import Testing

/// Cron parsing (Unix meaning) and the two target dialects.
struct CronTests {
    private func cron(_ s: String) -> CronSchedule { try! CronSchedule.parse(s).get() }

    @Test(arguments: [
        ("0 3 * * *", "0 3 * * *", "cron(0 3 * * ? *)"),
        ("*/15 * * * *", "*/15 * * * *", "cron(0/15 * * * ? *)"),
        ("0 18 * * mon-fri", "0 18 * * MON-FRI", "cron(0 18 ? * MON-FRI *)"),
        ("0 8 1 * *", "0 8 1 * *", "cron(0 8 1 * ? *)"),
        ("0 17 * * 0", "0 17 * * SUN", "cron(0 17 ? * SUN *)"),
        ("0 17 * * 7", "0 17 * * SUN", "cron(0 17 ? * SUN *)"),
        ("30 7 * * 1-5", "30 7 * * MON-FRI", "cron(30 7 ? * MON-FRI *)"),
        ("0 0 * * 5-7", "0 0 * * SUN,FRI,SAT", "cron(0 0 ? * SUN,FRI,SAT *)"),
        ("0 0 * * */2", "0 0 * * SUN,TUE,THU,SAT", "cron(0 0 ? * SUN,TUE,THU,SAT *)"),
        ("0 0 */2 JAN,jul *", "0 0 */2 1,7 *", "cron(0 0 1/2 1,7 ? *)"),
        ("5,35 9-17/2 * * *", "5,35 9-17/2 * * *", "cron(5,35 9-17/2 * * ? *)"),
    ])
    func dialects(_ input: String, _ cloudflare: String, _ eventBridge: String) {
        let c = cron(input)
        #expect(c.cloudflareExpression == cloudflare)
        #expect(c.eventBridgeExpression == eventBridge)
    }

    @Test func bothDayFieldsCannotBeEventBridge() {
        let c = cron("0 9 1 * MON")
        #expect(c.restrictsBothDayFields)
        #expect(c.eventBridgeExpression == nil)
        #expect(c.cloudflareExpression == "0 9 1 * MON")
    }

    @Test(arguments: [
        ("0 3 * *", "a schedule needs 5 fields (minute hour day-of-month month day-of-week), not 4"),
        ("0 0 3 * * *", "a schedule needs 5 fields (minute hour day-of-month month day-of-week), not 6"),
        ("60 * * * *", "\"60\" is not a valid minute (0-59): 60 is outside 0-59"),
        ("0 24 * * *", "\"24\" is not a valid hour (0-23): 24 is outside 0-23"),
        ("0 0 0 * *", "\"0\" is not a valid day of month (1-31): 0 is outside 1-31"),
        ("0 0 * 13 *", "\"13\" is not a valid month (1-12 or JAN-DEC): 13 is outside 1-12"),
        ("0 0 * * FUN", "\"FUN\" is not a valid day of week (0-7 or SUN-SAT): 'FUN' is not a number or a name"),
        ("0 0 L * *", "\"L\" is not a valid day of month (1-31): 'L' uses L, W, # or ?, which spec v1 schedules do not support (they are not Unix cron)"),
        ("0 0 * * 5-2", "\"5-2\" is not a valid day of week (0-7 or SUN-SAT): the range 5-2 runs backwards"),
        ("*/0 * * * *", "\"*/0\" is not a valid minute (0-59): the step '0' must be a positive number"),
        ("1,,2 * * * *", "\"1,,2\" is not a valid minute (0-59): a value is missing"),
    ])
    func invalidSchedules(_ input: String, _ message: String) {
        guard case .failure(let e) = CronSchedule.parse(input) else {
            Issue.record("\(input) parsed")
            return
        }
        #expect(e.description == message)
    }
}
