import ArgumentParser

/// `--quiet`, shared by the commands that talk: no build notes, no success lines, nothing but
/// errors and warnings (and what the command is asked to print, such as `explain`'s model).
struct QuietOption: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors and warnings: no build notes or progress lines.")
    var quiet = false
}
