import ArgumentParser
import DistlangCore

/// A first argument that names no command (`distlang valdate`): said plainly, with the command it
/// probably means, instead of ArgumentParser's "unexpected argument".
struct UnknownCommand {
    let message: String

    init?(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        var names: [String] = []
        for command in Distlang.configuration.subcommands {
            names.append(command._commandName)
            names += command.configuration.aliases
        }
        guard !names.contains(first), first != "help" else { return nil }
        var text = "error: '\(first)' is not a distlang command"
        if let best = DidYouMean.suggest(first, from: names) { text += "; did you mean '\(best)'?" }
        text += "\ncommands: \(names.joined(separator: ", ")) (distlang --help says what each does)\n"
        message = text
    }
}
