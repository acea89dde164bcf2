import Foundation

/// The real `lectern` executable built beside the tests, and ways to run it.
enum LecternBinary {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var bundledDecks: String { packageRoot.appendingPathComponent("Decks").path }

    /// The binary next to the running test bundle (the same build), else `.build/debug`.
    static var path: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("lectern").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/lectern").path
    }

    /// A private home for one test: history, data and state never touch the user's.
    static func makeHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "PATH": "/usr/bin:/bin",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "SWIFT_BACKTRACE": "interactive=no",
            "USER": "tester",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// The binary on a pseudo-terminal, colour off so tests read plain text.
    static func onTerminal(_ arguments: [String], home: URL, extraEnvironment: [String: String] = [:]) throws
        -> PseudoTerminal
    {
        try PseudoTerminal(
            executable: path, arguments: arguments,
            environment: environment(home: home, extra: ["NO_COLOR": "1"].merging(extraEnvironment) { $1 }))
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs the binary with pipes (so it is in scripted mode) and the given input.
    static func run(_ arguments: [String], input: String = "", home: URL, extraEnvironment: [String: String] = [:])
        throws -> Result
    {
        let raw = try runRaw(arguments, input: input, home: home, extraEnvironment: extraEnvironment)
        return Result(
            status: raw.status,
            standardOutput: String(decoding: raw.standardOutput, as: UTF8.self),
            standardError: String(decoding: raw.standardError, as: UTF8.self))
    }

    struct RawResult {
        var status: Int32
        /// Ended by a signal (a crash), not by exit.
        var crashed: Bool
        /// The bytes exactly as written; empty when `output` was given.
        var standardOutput: Data
        var standardError: Data
    }

    /// Runs the binary with `input` on standard input and standard output on a pipe read to
    /// the end, or on `output` (`/dev/full`, a pipe nobody reads). Standard error goes to a
    /// file, so a long error stream can never block the output pipe.
    static func runRaw(
        _ arguments: [String], input: String = "", home: URL, output: FileHandle? = nil,
        extraEnvironment: [String: String] = [:]
    ) throws -> RawResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(home: home, extra: extraEnvironment)
        let errorFile = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let stderr = try FileHandle(forWritingTo: errorFile)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = output ?? stdout.fileHandleForWriting
        process.standardError = stderr
        try process.run()
        try stdout.fileHandleForWriting.close()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = output == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        try stderr.close()
        return RawResult(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            standardOutput: out, standardError: try Data(contentsOf: errorFile))
    }
}
