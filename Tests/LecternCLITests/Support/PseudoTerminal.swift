import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a pseudo-terminal, as a person at a terminal would: the child is a
/// session leader on the pty (through `forkpty`), so Ctrl-C written to the master really
/// delivers SIGINT, and libedit sees a real terminal.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var transcript: String
        var description: String {
            "timed out waiting for \(waitingFor.debugDescription); screen so far:\n\(transcript)"
        }
    }

    let pid: pid_t
    private let master: Int32
    private var buffer: [UInt8] = []
    /// Where the last `expect` matched: later expectations look only after it.
    private var mark = 0

    init(
        executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 30
    ) throws {
        // Build every C string before forking: the child may only call async-signal-safe functions.
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var masterDescriptor: Int32 = -1
        let child = forkpty(&masterDescriptor, nil, nil, &size)
        if child == 0 {
            if let path = argv[0] { execve(path, &argv, &envp) }
            _exit(127)
        }
        guard child > 0 else { throw POSIXError(.EAGAIN) }
        pid = child
        master = masterDescriptor
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types text (keys such as Tab are characters: "\t", Ctrl-C is "\u{3}").
    func type(_ text: String) {
        // libedit prints the prompt before it switches the terminal to raw mode; a key
        // that arrives in between is read in cooked mode (a ^D there is lost). People
        // never type that fast after a prompt appears, so neither do the tests.
        usleep(100_000)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress else { return }
            var offset = 0
            while offset < pointer.count {
                let written = write(master, base + offset, pointer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        // Give the program time to read, as a person's typing would.
        usleep(150_000)
    }

    static let up = "\u{1B}[A"
    static let interrupt = "\u{3}"
    static let endOfInput = "\u{4}"

    /// Everything the terminal showed so far, with escape sequences left in.
    var transcript: String { String(decoding: buffer, as: UTF8.self) }

    /// Waits until `text` appears after the previous match, and moves the mark past it.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let unread = String(decoding: buffer[mark...], as: UTF8.self)
            if let range = unread.range(of: text) {
                let consumed = unread[..<range.upperBound].utf8.count
                mark += consumed
                return String(unread[..<range.upperBound])
            }
            if Date() > deadline { throw Timeout(waitingFor: text, transcript: transcript) }
            pump(milliseconds: 100)
        }
    }

    /// Waits for the program to exit and returns its status (or nil on timeout).
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pump(milliseconds: 10)
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return nil
    }

    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &chunk, chunk.count)
        if count > 0 { buffer += chunk[0..<count] }
    }
}
