import Foundation
import LineEditing

/// Owns the read–run loop. The shell decides what a line means; the runner decides where
/// lines come from (libedit on a terminal, plain lines otherwise) and when to stop.
public enum ShellRunner {
    /// The interactive loop on a terminal. Returns the exit status (0: the user left).
    public static func runInteractive(_ shell: Shell, editor: LineEditor) -> Int32 {
        editor.completer = { [unowned shell] before in shell.complete(lineBeforeCursor: before) }
        shell.output.write(shell.banner + "\n")
        while true {
            switch editor.readLine(prompt: shell.promptForEditor) {
            case .endOfInput:
                return 0
            case .interrupted:
                _ = shell.interrupt()
            case .line(let line):
                editor.remember(line)
                if shell.handle(line: line) == .exit { return 0 }
            }
        }
    }

    /// Scripted mode: no banner, no prompt, no history; stops at the first failing command
    /// with status 1 (like `sqlite3 -bail`), so a script never runs on after an error.
    public static func runScripted(_ shell: Shell, lines: some Sequence<String>) -> Int32 {
        for line in lines {
            switch shell.handle(line: line) {
            case .proceed: continue
            case .failed: return 1
            case .exit: return 0
            }
        }
        return shell.finishInput()
    }

    /// Lines of standard input, read lazily so a script can be interleaved with output.
    public static func standardInputLines() -> AnySequence<String> {
        AnySequence { AnyIterator { Swift.readLine(strippingNewline: true) } }
    }
}

extension Shell {
    /// The prompt with its colour escapes marked invisible for libedit.
    var promptForEditor: String {
        guard styler.colorEnabled else { return prompt }
        return LineEditor.invisible(Style.prompt.escape) + prompt + LineEditor.invisible("\u{1B}[0m")
    }

    /// End of scripted input: status 0 unless something is left half done.
    func finishInput() -> Int32 { 0 }
}
