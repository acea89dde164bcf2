/// One question read from a GIFT (Moodle) file, already unescaped and stripped of format
/// markers, so the deck writer deals only in plain text and never in GIFT syntax.
public struct GIFTQuestion: Sendable, Equatable {
    /// The text inside `::title::`, when the question has one.
    public var title: String?
    /// The value of an `[id:…]` marker, which names the item outright.
    public var id: String?
    /// The values of `[tag:…]` markers.
    public var tags: [String]
    /// The `$CATEGORY:` in force where the question starts.
    public var category: String?
    /// The question text: for a missing-word question, the text before the braces.
    public var prompt: String
    /// For a missing-word question, the text after the braces (nil otherwise).
    public var textAfter: String?
    /// General feedback (`####…`), shown whatever the answer.
    public var generalFeedback: String?
    public var kind: Kind
    /// Where the question starts, for findings about what it becomes.
    public var location: SourceLocation

    /// The answer forms our deck format can hold; what it cannot is reported by the reader.
    public enum Kind: Sendable, Equatable {
        /// Multiple choice with exactly one right option.
        case choice([Option])
        /// Multiple choice with several right options (no '=', positive '%' weights).
        case multi([Option])
        /// True/false; the feedbacks are for a wrong and for a right answer, as in GIFT.
        case trueFalse(answer: Bool, wrongFeedback: String?, rightFeedback: String?)
        /// Short answer: every accepted wording, with its feedback.
        case short([Accepted])
        case match([Pair])
        case numeric(Numeric)
        case essay
    }

    public struct Option: Sendable, Equatable {
        public var text: String
        public var correct: Bool
        public var feedback: String?
        /// A wrong option's partial credit in percent (`~%50%`), for a single-answer choice.
        public var credit: Double?

        public init(text: String, correct: Bool, feedback: String?, credit: Double? = nil) {
            self.text = text
            self.correct = correct
            self.feedback = feedback
            self.credit = credit
        }
    }

    public struct Accepted: Sendable, Equatable {
        public var text: String
        public var feedback: String?

        public init(text: String, feedback: String?) {
            self.text = text
            self.feedback = feedback
        }
    }

    public struct Pair: Sendable, Equatable {
        public var left: String
        public var right: String

        public init(left: String, right: String) {
            self.left = left
            self.right = right
        }
    }

    public enum Numeric: Sendable, Equatable {
        case value(Double, tolerance: Double, feedback: String?)
        case range(Double, Double, feedback: String?)
    }

    public init(
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
public struct GIFTReadResult: Sendable {
    public var questions: [GIFTQuestion]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
