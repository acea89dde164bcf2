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
    /// Set when the line could not be taken (a malformed answer, a confidence out of range,
    /// an unknown command): the session asks again, and a script stops here rather than let
    /// its later lines answer the wrong questions.
    public var rejection: Rejection?
    /// Whether the session waits at `next> ` after feedback, where Enter goes on.
    public var awaitsContinue: Bool

    /// A line the session refused, with the question it was meant for.
    public struct Rejection: Sendable, Equatable {
        /// The one-line reason, as shown to the learner.
        public var message: String
        /// 1-based number of the question on screen, as in "Question 3 of 5".
        public var question: Int
        public var itemID: String
        /// The walkthrough step on screen, if any.
        public var stepID: String?

        public init(message: String, question: Int, itemID: String, stepID: String? = nil) {
            self.message = message
            self.question = question
            self.itemID = itemID
            self.stepID = stepID
        }
    }

    public init(
        lines: [StyledLine] = [], prompt: String = "", completions: [String] = [],
        records: [AnswerRecord] = [], isFinished: Bool = false, rejection: Rejection? = nil,
        awaitsContinue: Bool = false
    ) {
        self.lines = lines
        self.prompt = prompt
        self.completions = completions
        self.records = records
        self.isFinished = isFinished
        self.rejection = rejection
        self.awaitsContinue = awaitsContinue
    }

    /// The lines as plain text, one per line: what a transcript without colour shows.
    public var text: String {
        lines.map(\.text).joined(separator: "\n")
    }
}
