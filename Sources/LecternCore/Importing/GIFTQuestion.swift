/// One question read from a GIFT (Moodle) file, already unescaped and stripped of format
/// markers, so the deck writer deals only in plain text and never in GIFT syntax.
package struct GIFTQuestion: Sendable, Equatable {
    /// The text inside `::title::`, when the question has one.
    package var title: String?
    /// The value of an `[id:…]` marker, which names the item outright.
    package var id: String?
    /// The values of `[tag:…]` markers.
    package var tags: [String]
    /// The `$CATEGORY:` in force where the question starts.
    package var category: String?
    /// The question text: for a missing-word question, the text before the braces.
    package var prompt: String
    /// For a missing-word question, the text after the braces (nil otherwise).
    package var textAfter: String?
    /// General feedback (`####…`), shown whatever the answer.
    package var generalFeedback: String?
    package var kind: Kind
    /// Where the question starts, for findings about what it becomes.
    package var location: SourceLocation

    /// The answer forms our deck format can hold; what it cannot is reported by the reader.
    package enum Kind: Sendable, Equatable {
        /// Multiple choice with exactly one right option.
        case choice([Option])
        /// Multiple choice with several right options (no '=', positive '%' weights).
        case multi([Option])
        /// True/false; the feedbacks are for a wrong and for a right answer, as in GIFT.
        case trueFalse(answer: Bool, wrongFeedback: String?, rightFeedback: String?)
        /// Short answer: every wording with its weight (100 without one) and feedback.
        case short([WeightedAnswer<String>])
        case match([Pair])
        /// Numerical: every answer with its weight and feedback; `otherwise` is `~#…`, said
        /// to any other number.
        case numeric([WeightedAnswer<NumericAnswerKey.Target>], otherwise: String?)
        case essay
        /// Text without answers, shown and not graded.
        case description
    }

    package struct Option: Sendable, Equatable {
        package var text: String
        package var correct: Bool
        package var feedback: String?
        /// A wrong option's partial credit in percent (`~%50%`), for a single-answer choice.
        package var credit: Double?

        package init(text: String, correct: Bool, feedback: String?, credit: Double? = nil) {
            self.text = text
            self.correct = correct
            self.feedback = feedback
            self.credit = credit
        }
    }

    package struct Pair: Sendable, Equatable {
        package var left: String
        package var right: String

        package init(left: String, right: String) {
            self.left = left
            self.right = right
        }
    }

    package init(
        title: String?, id: String?, tags: [String], category: String?, prompt: String, textAfter: String?,
        generalFeedback: String?, kind: Kind, location: SourceLocation
    ) {
        self.title = title
        self.id = id
        self.tags = tags
        self.category = category
        self.prompt = prompt
        self.textAfter = textAfter
        self.generalFeedback = generalFeedback
        self.kind = kind
        self.location = location
    }
}

/// What reading a GIFT file produced. Any error refuses the file as a whole, as Moodle does:
/// callers must not write a deck when `hasErrors` is true.
package struct GIFTReadResult: Sendable {
    package var questions: [GIFTQuestion]
    package var diagnostics: [Diagnostic]

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
