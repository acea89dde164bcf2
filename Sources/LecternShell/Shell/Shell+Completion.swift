import LecternCore
import LineEditing

extension Shell {
    /// What Tab offers for the line up to the cursor.
    package func complete(lineBeforeCursor line: String) -> Completion {
        let endsWithSpace = line.last?.isWhitespace ?? true
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = endsWithSpace ? "" : (words.last ?? "")
        if sessions.isActive {
            return Completion.resolve(word: word, candidates: sessions.completions)
        }
        let position = endsWithSpace ? words.count : words.count - 1
        let candidates: [String]
        if position == 0 {
            candidates = ShellCommands.allNames
        } else if let command = ShellCommands.command(named: words[0]) {
            candidates = argumentCandidates(for: command, position: position, word: word)
        } else {
            candidates = []
        }
        return Completion.resolve(word: word, candidates: candidates)
    }

    func argumentCandidates(for command: any ShellRunnable.Type, position: Int, word: String) -> [String] {
        let options = ShellCommands.optionNames[command.configuration.commandName ?? ""] ?? []
        if word.hasPrefix("-") { return options }
        guard position == 1 else { return options }
        switch command.completes {
        case .none: return options
        case .deck: return library.usableDecks.map(\.id)
        case .command: return ShellCommands.allNames
        case .learner:
            // A name with control characters (written into the database by hand) is not offered:
            // libedit would print it raw in the list of candidates.
            let names = (try? store?.learners().map(\.name)) ?? []
            return names.filter { !$0.unicodeScalars.contains { TerminalText.isControl($0, keepingLineBreaks: false) } }
        }
    }
}
