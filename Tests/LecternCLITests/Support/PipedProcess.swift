import Foundation

/// The real binary with its standard input kept open: a program driving Lectern line by
/// line over pipes, reading each answer's output before it sends the next.
final class PipedProcess {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var output: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); output so far:\n\(output)" }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private var mark = 0

    /// The binary by default; another program (a Python peer) with `executable` and `environment`.
    init(
        _ arguments: [String], home: URL, executable: String = LecternBinary.path, environment: [String: String]? = nil
    ) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment ?? LecternBinary.environment(home: home)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends one line (the pipe stays open).
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until `text` appears in the output after the previous match.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            let unread = String(decoding: buffer[mark...], as: UTF8.self)
            if let range = unread.range(of: text) {
                mark += unread[..<range.upperBound].utf8.count
                return String(unread[..<range.upperBound])
            }
            if Date() > deadline {
                throw Timeout(waitingFor: text, output: String(decoding: buffer, as: UTF8.self))
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 { buffer += chunk[0..<count] }
        }
    }

    /// Waits for the process to end and returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills the process at once (SIGKILL): nothing gets a chance to be flushed or saved.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
