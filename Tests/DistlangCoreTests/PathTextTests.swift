import DistlangCore
import Testing

/// `PathText.deletingLastComponent` gives what `NSString.deletingLastPathComponent` gives (the
/// expected values were taken from Foundation), and "" where Foundation traps on Linux.
struct PathTextTests {
    @Test(arguments: [
        ("/tmp/scratch.tiff", "/tmp"), ("/tmp/lock/", "/tmp"), ("/tmp/", "/"), ("/tmp", "/"), ("/", "/"),
        ("scratch.tiff", ""), ("", ""), ("ab", ""), ("a/b", "a"), ("./a", "."), ("a//b", "a"), ("a//b//", "a"),
        ("//", ""), ("//a", "/"), ("///a", "/"), ("a/./b", "a/."), ("../x", ".."), ("..", ""), ("./..", "."),
        ("abc/def/", "abc"), ("é/ü", "é"), ("dir/sub/distlang.yaml", "dir/sub"),
        // Foundation traps on these (one component of one character):
        ("a", ""), (".", ""), ("x/", ""), ("b/", ""), ("a//", ""),
    ])
    func deletingLastComponent(_ path: String, _ expected: String) {
        #expect(PathText.deletingLastComponent(path) == expected)
    }
}
