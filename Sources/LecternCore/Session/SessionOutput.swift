/// What one step of a session hands back to the shell.
///
/// The contract: the shell passes `records` to its results sink FIRST, and only then
/// prints `lines` and reads the next line with `prompt`. Every answer is therefore saved
/// before the next question appears; if the sink fails, the shell shows the error and
/// stops instead of going on.
package struct SessionOutput: Sendable, Equatable {
    /// Lines to print, in order.
    package var lines: [StyledLine]
    /// The prompt for the next read (`answer> `, `next> `, …); empty once finished.
    package var prompt: String
    /// What Tab may complete at this point: commands and, where they apply, option letters.
    package var completions: [String]
    /// Answers graded in this step, for the results sink.
    package var records: [AnswerRecord]
    /// The session is over: the summary is in `lines`; further input is ignored.
    package var isFinished: Bool
    /// Set when the line could not be taken (a malformed answer, a confidence out of range,
    /// an unknown command): the session asks again, and a script stops here rather than let
    /// its later lines answer the wrong questions.
    package var rejection: Rejection?
    /// Whether the session waits at `next> ` after feedback, where Enter goes on.
    package var awaitsContinue: Bool

    /// A line the session refused, with the question it was meant for.
    package struct Rejection: Sendable, Equatable {
        /// The one-line reason, as shown to the learner.
        package var message: String
        /// 1-based number of the question on screen, as in "Question 3 of 5".
        package var question: Int
        package var itemID: String
        /// The walkthrough step on screen, if any.
        package var stepID: String?

        package init(message: String, question: Int, itemID: String, stepID: String? = nil) {
            self.message = message
            self.question = question
            self.itemID = itemID
            self.stepID = stepID
        }
    }

    package init(
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
    package var text: String {
        lines.map(\.text).joined(separator: "\n")
    }
}
