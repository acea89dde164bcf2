import Foundation
import LecternCore

/// Where the shell writes. Injected so that tests read exactly what a user would see.
package protocol ShellOutput: AnyObject {
    /// Results, on standard output.
    func write(_ text: String)
    /// Data whose bytes must stay exact in a file or a pipe (CSV, JSON), on standard output.
    func writeExact(_ text: String)
    /// Errors and warnings, on standard error.
    func writeError(_ text: String)
    /// Why standard output could not be written (a full disk, a closed pipe), once that
    /// happened; the command must then stop with a non-zero status.
    var writeFailure: String? { get }
}

extension ShellOutput {
    package func writeExact(_ text: String) { write(text) }
    package var writeFailure: String? { nil }
}

/// The process's standard output and standard error, written at once so that prompts,
/// pipes and pseudo-terminals see text in order.
///
/// Two guarantees the rest of the program relies on:
/// - Nothing but our own colour reaches the terminal: every text goes through
///   `TerminalText.guarded`, which escapes any control character that is not part of an SGR
///   colour sequence, even if the caller forgot `TerminalText.safe`. Only `writeExact` on a
///   file or a pipe writes bytes as given (data for programs).
/// - A failed write is never silent and never fatal: `write(2)` is retried on EINTR, and the
///   first error (ENOSPC, EPIPE with SIGPIPE ignored, EIO) is kept in `writeFailure`; later
///   writes to that stream are dropped. (`FileHandle.write` would trap instead.)
package final class StandardOutput: ShellOutput {
    /// Whether standard output is a terminal; decides whether `writeExact` is guarded too.
    package let outputIsTerminal: Bool
    package private(set) var writeFailure: String?
    private var standardErrorFailed = false

    package init(outputIsTerminal: Bool = isatty(STDOUT_FILENO) == 1) {
        self.outputIsTerminal = outputIsTerminal
    }

    package func write(_ text: String) {
        writeOut(TerminalText.guarded(text))
    }

    package func writeExact(_ text: String) {
        writeOut(outputIsTerminal ? TerminalText.guarded(text) : text)
    }

    package func writeError(_ text: String) {
        guard !standardErrorFailed else { return }
        // Nowhere is left to report a failure to write errors; stop trying.
        if Self.writeAll(TerminalText.guarded(text), to: STDERR_FILENO) != nil { standardErrorFailed = true }
    }

    private func writeOut(_ text: String) {
        guard writeFailure == nil else { return }
        if let error = Self.writeAll(text, to: STDOUT_FILENO) {
            writeFailure = "cannot write to standard output: \(error)"
        }
    }

    /// Writes every byte, or returns the reason it could not.
    static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                // Non-empty here (offset < count), so the buffer has an address.
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                return String(cString: strerror(code))
            }
            offset += written
        }
        return nil
    }
}

/// Collects output in memory, for tests. It keeps what the shell produced, unguarded, so
/// tests see whether the shell itself made its text safe.
package final class BufferedOutput: ShellOutput {
    package private(set) var standardOutput = ""
    package private(set) var standardError = ""

    package init() {}

    package func write(_ text: String) { standardOutput += text }
    package func writeError(_ text: String) { standardError += text }
}
