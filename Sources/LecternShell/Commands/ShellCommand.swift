/// One command of the home prompt: its name, its help and how to complete its arguments.
///
/// The table of these is the single source for dispatch, `help`, Tab completion and
/// "did you mean", so the four can never disagree.
public struct ShellCommand: Sendable {
    /// What Tab offers for the command's positional arguments.
    public enum ArgumentKind: Sendable {
        case none
        case deck
        case command
        case learner
    }

    public var name: String
    public var aliases: [String]
    /// The synopsis, e.g. `study DECK`.
    public var usage: String
    /// One line for the `help` list.
    public var summary: String
    /// What `help NAME` adds below the synopsis.
    public var details: String
    public var argument: ArgumentKind
    /// Options offered by Tab after the positional arguments.
    public var options: [String]
    let run: @Sendable (Shell, Invocation) throws(ShellError) -> Void

    init(
        _ name: String, aliases: [String] = [], usage: String? = nil, summary: String,
        details: String = "", argument: ArgumentKind = .none, options: [String] = [],
        run: @escaping @Sendable (Shell, Invocation) throws(ShellError) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage ?? name
        self.summary = summary
        self.details = details
        self.argument = argument
        self.options = options
        self.run = run
    }

    var names: [String] { [name] + aliases }
}

/// A failed command: printed as `error: …` on standard error; in scripted mode it stops
/// the run with a non-zero status.
public struct ShellError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The words of a command line after the command name, with `--name value`,
/// `--name=value` and bare `--flag` options separated from positional arguments.
public struct Invocation: Sendable, Equatable {
    public var command: String
    public var positional: [String]
    public var options: [String: [String]]
    public var flags: Set<String>

    /// - Parameter valued: option names (without `--`) that take a value.
    public init(command: String, words: [String], valued: Set<String>) throws(ShellError) {
        self.command = command
        positional = []
        options = [:]
        flags = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                options[name, default: []].append(String(body[body.index(after: equals)...]))
            } else if valued.contains(String(body)) {
                guard index < words.count else {
                    throw ShellError("option --\(body) needs a value; see 'help \(command)'")
                }
                options[String(body), default: []].append(words[index])
                index += 1
            } else {
                flags.insert(String(body))
            }
        }
    }

    public func value(_ name: String) -> String? { options[name]?.last }
}
