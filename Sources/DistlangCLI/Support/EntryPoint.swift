import ArgumentParser
import DistlangCore
import Foundation

/// Runs the CLI on a thread with a large stack (deeply nested documents are bounded, but validation
/// of a 2,000-level document still recurses) and maps errors to distlang's exit codes:
/// 0 success, 1 invalid input, 2 usage or I/O error.
@main
enum EntryPoint {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let result = ExitCodeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.code = run(arguments)
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        fflush(stdout)
        exit(result.code)
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard Timings.requested else { return runCommand(arguments) }
        StageTimings.isEnabled = true
        let start = DispatchTime.now().uptimeNanoseconds
        let code = runCommand(arguments)
        let total = DispatchTime.now().uptimeNanoseconds - start
        FileHandle.standardError.write(Data(StageTimings.report(totalNanoseconds: total).utf8))
        return code
    }

    static func runCommand(_ arguments: [String]) -> Int32 {
        if let unknown = UnknownCommand(arguments) {
            FileHandle.standardError.write(Data(unknown.message.utf8))
            return 2
        }
        do {
            var command = try Distlang.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = Distlang.exitCode(for: error)
            if code == .success {
                print(Distlang.fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data((Distlang.fullMessage(for: error) + "\n").utf8))
            // Usage errors (ArgumentParser's 64) are exit code 2, as the brief specifies.
            return 2
        }
    }
}

/// Carries the exit code out of the worker thread.
private final class ExitCodeBox: @unchecked Sendable {
    var code: Int32 = 0
}
