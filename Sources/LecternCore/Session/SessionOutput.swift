/// What one step of a session hands back to the shell.
///
/// The contract: the shell passes `records` to its results sink FIRST, and only then
/// prints `lines` and reads the next line with `prompt`. Every answer is therefore saved
/// before the next question appears; if the sink fails, the shell shows the error and
/// stops instead of going on.
public struct SessionOutput: Sendable, Equatable {
    /// Lines to print, in order.
    public var lines: [StyledLine]
    /// The prompt for the next read (`answer> `, `next> `, …); empty once finished.
    public var prompt: String
    /// What Tab may complete at this point: commands and, where they apply, option letters.
    public var completions: [String]
    /// Answers graded in this step, for the results sink.
    public var records: [AnswerRecord]
    /// The session is over: the summary is in `lines`; further input is ignored.
    public var isFinished: Bool

    public init(
        lines: [StyledLine] = [], prompt: String = "", completions: [String] = [],
        records: [AnswerRecord] = [], isFinished: Bool = false
    ) {
        self.lines = lines
        self.prompt = prompt
        self.completions = completions
        self.records = records
        self.isFinished = isFinished
    }

    /// The lines as plain text, one per line: what a transcript without colour shows.
    public var text: String {
        lines.map(\.text).joined(separator: "\n")
    }
}
