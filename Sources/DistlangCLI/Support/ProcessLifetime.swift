/// Keeps large values alive until the process exits.
///
/// A command that has finished with a loaded document is about to exit; tearing down a tree of a
/// million values would cost more than building it did (clang's `-disable-free` does the same).
enum ProcessLifetime {
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Leaks `value` on purpose: the operating system reclaims it at exit.
    static func keepUntilExit<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
