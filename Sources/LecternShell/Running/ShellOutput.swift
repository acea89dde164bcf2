import Foundation

/// Where the shell writes. Injected so that tests read exactly what a user would see.
public protocol ShellOutput: AnyObject {
    /// Results, on standard output.
    func write(_ text: String)
    /// Errors and warnings, on standard error.
    func writeError(_ text: String)
}

/// The process's standard output and standard error, flushed at once so that prompts,
/// pipes and pseudo-terminals see text in order.
public final class StandardOutput: ShellOutput {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Collects output in memory, for tests.
public final class BufferedOutput: ShellOutput {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""

    public init() {}

    public func write(_ text: String) { standardOutput += text }
    public func writeError(_ text: String) { standardError += text }
}
