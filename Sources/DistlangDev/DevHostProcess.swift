import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dev host's Node.js process. It runs in its own process group, so a Ctrl-C at the terminal
/// reaches only `distlang dev`, which stops the host itself (once, cleanly). Its standard input is a
/// pipe only `distlang dev` holds: if `distlang dev` dies in any way, the host sees the pipe close and
/// stops too. Standard output and error are the terminal's: the host's lines appear as it writes them.
public final class DevHostProcess: @unchecked Sendable {
    public let pid: pid_t
    private var lifeline: Int32
    private var exitStatus: Int32?

    private init(pid: pid_t, lifeline: Int32) {
        self.pid = pid
        self.lifeline = lifeline
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `node arguments...` in the current folder with this process's environment.
    public static func start(node: String, arguments: [String]) throws -> DevHostProcess {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw Failure(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        // Neither end leaks into other programs; the child gets the read end as its standard input.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([node] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, node, &actions, &attributes, argv, environ)
        close(fds[0])
        guard result == 0 else {
            close(fds[1])
            throw Failure(description: "cannot run \(node): \(String(cString: strerror(result)))")
        }
        return DevHostProcess(pid: pid, lifeline: fds[1])
    }

    /// The exit code once the process has ended (128 + the signal when a signal ended it), else nil.
    public func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        closeLifeline()
        return exitStatus
    }

    /// Sends `signal` to the host and anything it started.
    public func send(_ signal: Int32) {
        if poll() == nil { kill(-pid, signal) }
    }

    /// Asks the host to stop (SIGINT), waits up to `timeout`, then kills it. Returns its exit code.
    @discardableResult
    public func stop(timeout: TimeInterval = 5) -> Int32 {
        send(SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while poll() == nil {
            if Date() > deadline {
                kill(-pid, SIGKILL)
                while poll() == nil { usleep(5_000) }
                break
            }
            usleep(10_000)
        }
        return exitStatus ?? 0
    }

    private func closeLifeline() {
        if lifeline >= 0 { close(lifeline) }
        lifeline = -1
    }

    deinit { closeLifeline() }
}
