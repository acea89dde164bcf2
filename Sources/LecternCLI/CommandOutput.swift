import Foundation
import LecternCore
import LecternShell

/// Standard output for the commands that do not open the shell (lint, preview, new,
/// deck-stats, fsrs replay): the same guard and the same error checks as the shell's
/// output, so a full disk or a closed pipe ends the command with status 1 and a message
/// instead of losing the output silently (Swift's `print` ignores write errors).
enum CommandOutput {
    /// Writes `text` and a newline; `exact` keeps data bytes (JSON) unchanged in a file or a pipe.
    static func print(_ text: String, exact: Bool = false) throws {
        let output = StandardOutput()
        if exact { output.writeExact(text + "\n") } else { output.write(text + "\n") }
        if let failure = output.writeFailure { throw ValidationFailure(failure) }
    }

    /// Writes a line on standard error (made safe like everything else).
    static func printError(_ text: String) {
        StandardOutput().writeError(text + "\n")
    }
}

/// The last check before the process ends: what went through C's buffered standard output
/// (argument-parser prints `--help`, `--version` and usage errors with `print`) is flushed
/// here, and a flush that fails (a full disk, a reader that went away) turns the exit
/// status into 1 with a message, instead of a silent 0 with the text lost.
package enum ExitOutputCheck {
    package static func install() {
        atexit {
            guard fflush(nil) != 0 else { return }
            let reason = String(cString: strerror(errno))
            let message = Array("error: cannot write to standard output: \(reason)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            _exit(1)
        }
    }
}
