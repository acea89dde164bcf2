#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal's size, read when needed so a resized window is respected.
package enum TerminalSize {
    /// Columns of the terminal on standard output, or `fallback` when it is not a terminal.
    package static func columns(fallback: Int = 80) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }

    /// True when both standard input and standard output are terminals: the only case in
    /// which libedit can edit lines (elsewhere it shows no prompt).
    package static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    package static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    package static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
