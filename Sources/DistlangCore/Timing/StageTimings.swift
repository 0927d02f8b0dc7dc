import Foundation

/// An opt-in report of where a command's time goes, stage by stage (`DISTLANG_TIMINGS=1`).
///
/// Stages nest; each is charged its own time only (a stage inside another is subtracted from the
/// outer one), so the shares add up to the time measured. Off by default: then `measure` only
/// reads a flag and runs the body. Timing never changes what a command prints or writes.
/// The pipeline is single-threaded; the lock only keeps a misuse from corrupting the tables.
public enum StageTimings {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var enabled = false
        var stack: [(name: String, start: UInt64, children: UInt64)] = []
        var totals: [String: UInt64] = [:]
        var order: [String] = []
        var counts: [String: Int] = [:]
    }

    private static let state = State()

    /// Whether stages are being timed.
    public static var isEnabled: Bool {
        get { state.enabled }
        set { state.enabled = newValue }
    }

    /// Runs `body` as the stage `name`.
    @inline(__always)
    public static func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard state.enabled else { return try body() }
        begin(name)
        defer { end() }
        return try body()
    }

    /// Runs `body` as the stage `render` when it is called from an emitter (a stage named
    /// `emit …`): text rendering of output files (HCL, YAML, TOML, JSON). Elsewhere (the manifest,
    /// diagnostics) the rendering stays part of the stage that asked for it.
    @inline(__always)
    public static func render<T>(_ body: () throws -> T) rethrows -> T {
        guard state.enabled, state.lock.withLock({ state.stack.last?.name.hasPrefix("emit ") ?? false }) else { return try body() }
        begin("render")
        defer { end() }
        return try body()
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private static func begin(_ name: String) {
        let t = now()
        state.lock.withLock {
            if state.counts[name] == nil {
                state.counts[name] = 0
                state.order.append(name)
            }
            state.stack.append((name, t, 0))
        }
    }

    private static func end() {
        let t = now()
        state.lock.withLock {
            guard let top = state.stack.popLast() else { return }
            let elapsed = t &- top.start
            state.totals[top.name, default: 0] += elapsed &- min(top.children, elapsed)
            state.counts[top.name, default: 0] += 1
            if !state.stack.isEmpty { state.stack[state.stack.count - 1].children += elapsed }
        }
    }

    /// The stages measured so far, in the order they first ran, with their own time in nanoseconds.
    public static var stages: [(name: String, nanoseconds: UInt64, count: Int)] {
        state.lock.withLock { state.order.map { ($0, state.totals[$0] ?? 0, state.counts[$0] ?? 0) } }
    }

    /// Forgets every measurement (tests).
    public static func reset() {
        state.lock.withLock {
            state.stack = []
            state.totals = [:]
            state.order = []
            state.counts = [:]
        }
    }

    /// The report: one line per stage (milliseconds, share of `total`), then what no stage covers.
    public static func report(totalNanoseconds total: UInt64) -> String {
        let measured = stages
        let covered = measured.reduce(UInt64(0)) { $0 + $1.nanoseconds }
        var rows = measured.map { (name: $0.name, ns: $0.nanoseconds, count: $0.count) }
        rows.append(("other", total > covered ? total - covered : 0, 0))
        let width = max(12, rows.map(\.name.count).max() ?? 0)
        var out = "distlang timings: \(milliseconds(total)) ms in all\n"
        for row in rows {
            let share = total == 0 ? 0 : Double(row.ns) * 100 / Double(total)
            let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let ms = milliseconds(row.ns)
            let calls = row.count > 1 ? "  (\(row.count) calls)" : ""
            out += "  \(name) \(String(repeating: " ", count: max(0, 10 - ms.count)))\(ms) ms \(String(format: "%5.1f", share))%\(calls)\n"
        }
        return out
    }

    private static func milliseconds(_ ns: UInt64) -> String { String(format: "%.1f", Double(ns) / 1e6) }
}
