import Foundation
import LineEditing

/// Owns the read–run loop. The shell decides what a line means; the runner decides where
/// lines come from (libedit on a terminal, plain lines otherwise) and when to stop.
public enum ShellRunner {
    /// The interactive loop on a terminal. Returns the exit status (0: the user left).
    public static func runInteractive(_ shell: Shell, editor: LineEditor, firstLines: [String] = []) -> Int32 {
        editor.completer = { [unowned shell] before in shell.complete(lineBeforeCursor: before) }
        shell.output.write(shell.banner + "\n")
        for line in firstLines where shell.handle(line: line) == .exit { return 0 }
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
                editor.remember(line)
                if shell.handle(line: line) == .exit { return 0 }
            }
            if shell.output.writeFailure != nil { return 1 }
        }
    }

    /// Scripted mode: no banner, no prompt, no history; stops at the first failing command
    /// with status 1 (like `sqlite3 -bail`), so a script never runs on after an error.
    public static func runScripted(_ shell: Shell, lines: some Sequence<String>) -> Int32 {
        for line in lines {
            // Output that cannot be written ends the script: no answer is taken unseen.
            if shell.output.writeFailure != nil { return 1 }
            switch shell.handle(line: line) {
            case .proceed: continue
            case .failed: return 1
            case .exit: return shell.output.writeFailure == nil ? 0 : 1
            }
        }
        // The script ended: close a running session as :quit would, so its summary shows.
        return shell.endOfInput() == .failed || shell.output.writeFailure != nil ? 1 : 0
    }

    /// Lines of standard input, read lazily so a script can be interleaved with output.
    public static func standardInputLines() -> AnySequence<String> {
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
        return LineEditor.invisible(Style.prompt.escape) + prompt.dropLast() + LineEditor.invisible("\u{1B}[0m")
            + String(last)
    }

    /// True while a study session takes the lines.
    public var isInSession: Bool { session != nil }
}
