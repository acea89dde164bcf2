import Foundation
import LecternCore
import LineEditing

/// Owns the read–run loop. The shell decides what a line means; the runner decides where
/// lines come from (libedit on a terminal, plain lines otherwise) and when to stop.
package enum ShellRunner {
    /// The interactive loop on a terminal. Returns the exit status (0: the user left).
    ///
    /// History keeps shell commands only: answers typed inside a session are not written
    /// (in a classroom they are the next student's exam answers). When `learner NAME`
    /// switches the learner, the editor switches to that learner's history file
    /// (`historyFor`), so Up never recalls another learner's lines.
    package static func runInteractive(
        _ shell: Shell, editor: LineEditor, first: (any ShellRunnable)? = nil,
        historyFor: ((String) -> HistoryFile?)? = nil
    ) -> Int32 {
        editor.completer = { [unowned shell] before in shell.complete(lineBeforeCursor: before) }
        shell.output.write(shell.banner + "\n")
        if let first, shell.run(first) == .exit { return 0 }
        while true {
            switch editor.readLine(prompt: shell.promptForEditor) {
            case .endOfInput:
                // Ctrl-D inside a session leaves the session (as :quit); at home, the shell.
                if shell.isInSession {
                    if shell.handle(line: ":quit") == .exit { return 0 }
                    continue
                }
                return 0
            case .interrupted:
                _ = shell.interrupt()
            case .line(let line):
                if !shell.isInSession { editor.remember(line) }
                let learner = shell.configuration.learner
                if shell.handle(line: line) == .exit { return 0 }
                if shell.configuration.learner != learner, let historyFor {
                    editor.switchHistory(to: historyFor(shell.configuration.learner))
                }
            }
            if shell.output.writeFailure != nil { return 1 }
        }
    }

    /// Scripted mode: no banner, no prompt, no history; stops at the first failing command
    /// with status 1 (like `sqlite3 -bail`), so a script never runs on after an error.
    ///
    /// Lines are taken one at a time as they arrive, so a program can drive the shell over
    /// pipes and see each answer's output before it sends the next; `first` (the command
    /// a subcommand such as `lectern exam DECK` stands for) runs before standard input and is
    /// not counted in its line numbers.
    package static func runScripted(
        _ shell: Shell, first: (any ShellRunnable)? = nil, lines: some Sequence<String>, source: String = "stdin"
    ) -> Int32 {
        if let first {
            switch shell.run(first) {
            case .proceed: break
            case .failed: return 1
            case .exit: return shell.output.writeFailure == nil ? 0 : 1
            }
        }
        for (index, line) in lines.enumerated() {
            // Output that cannot be written ends the script: no answer is taken unseen.
            if shell.output.writeFailure != nil { return 1 }
            shell.inputPosition = "\(source):\(index + 1)"
            switch shell.handle(line: line) {
            case .proceed: continue
            case .failed: return 1
            case .exit: return shell.output.writeFailure == nil ? 0 : 1
            }
        }
        // The script ended: close a running session as :quit would, so its summary shows.
        return shell.endOfInput() == .failed || shell.output.writeFailure != nil ? 1 : 0
    }

    /// One command from the command line (`lectern stats`): its status, and nothing read.
    package static func runCommand(_ shell: Shell, _ command: any ShellRunnable) -> Int32 {
        let outcome = shell.run(command)
        if outcome != .failed, shell.isInSession { return shell.endOfInput() == .failed ? 1 : 0 }
        return outcome == .failed || shell.output.writeFailure != nil ? 1 : 0
    }

    /// Lines of standard input, read lazily so a script can be interleaved with output.
    package static func standardInputLines() -> AnySequence<String> {
        AnySequence { AnyIterator { Swift.readLine(strippingNewline: true) } }
    }
}

extension Shell {
    /// The prompt with its colour escapes marked invisible for libedit.
    ///
    /// libedit prints an invisible sequence together with the visible character after it,
    /// so one at the very end of the prompt is never printed: the reset goes before the
    /// prompt's last character, or what the user types would show in the prompt's colour.
    var promptForEditor: String {
        let prompt = self.prompt
        guard styler.colorEnabled, let last = prompt.last else { return prompt }
        return LineEditor.invisible(TextStyle.prompt.escape) + prompt.dropLast() + LineEditor.invisible(TextStyle.reset)
            + String(last)
    }
}
