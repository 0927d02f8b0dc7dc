import ArgumentParser
import DistlangDev
import Foundation

/// `distlang dev --trigger FUNCTION [--schedule CRON]`: runs a schedule now on the dev host another
/// shell started (found through its `ready.json`), and says how it went. Exit 0 when the handler ran
/// without error, 1 when it threw, 2 when no host runs or it has no such schedule.
enum DevTrigger {
    static func run(function: String, schedule: String?, paths: DevPaths, environment: String) throws {
        guard let ready = ReadyFile.read(paths.readyFile), ready.isAlive else {
            throw SpecRun.usage(
                "no distlang dev is running for environment \(environment) (state in \(paths.environmentState)); start one with `distlang dev` first"
            )
        }
        var path = "/__distlang/scheduled/" + encode(function)
        if let schedule { path += "?cron=" + encode(schedule) }
        let response: LoopbackHTTP.Response
        do {
            // A scheduled handler may run as long as its function's timeout (at most 15 minutes).
            response = try LoopbackHTTP.request(
                "POST", host: connectable(ready.host), port: ready.port, path: path, timeout: 900)
        } catch {
            throw SpecRun.usage("cannot reach the dev host at \(ready.url): \(error)")
        }
        let answer = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        switch response.status {
        case 200:
            Terminal.write("ran \(function)'s schedule \(quoted(answer["cron"])): ok\n")
        case 500:
            Terminal.writeError(
                "ran \(function)'s schedule \(quoted(answer["cron"])): it failed: \(answer["error"] as? String ?? response.text)\n"
            )
            throw ExitCode(1)
        default:
            throw SpecRun.usage(
                answer["error"] as? String ?? "the dev host answered \(response.status): \(response.text)")
        }
    }

    /// The address to connect to for a host listening on `host` (any address: this machine's loopback).
    static func connectable(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::", "[::]": return "::1"
        default: return host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func quoted(_ value: Any?) -> String {
        (value as? String).map { "\"\($0)\"" } ?? "?"
    }
}
