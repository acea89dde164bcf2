/// One answer of a `short` or `numeric` item with the credit it earns and what the learner
/// is told on giving it: GIFT's `=%50%answer#feedback`, which Moodle banks use for a nearly
/// right answer, or for a common wrong one (weight 0) that deserves its own explanation.
package struct WeightedAnswer<Value: Sendable & Equatable>: Sendable, Equatable {
    /// A wording (short) or a value with its tolerance, or a range (numeric).
    package var value: Value
    /// A percentage of full credit, from -100 to 100; 100 when not written. An answer at 0 or
    /// below earns nothing (a negative credit is kept for GIFT, where Moodle too scores it 0).
    package var credit: Double
    /// Shown when the learner's answer matched this one, whatever its credit.
    package var feedback: String?
    /// Where the answer was written, for findings about it; nil for a plain list entry.
    package var location: SourceLocation?

    package init(_ value: Value, credit: Double = 100, feedback: String? = nil, location: SourceLocation? = nil) {
        self.value = value
        self.credit = credit
        self.feedback = feedback
        self.location = location
    }

    package var isFullCredit: Bool { credit >= 100 }

    /// The credit as a grade: a share of 0…1, nothing below zero.
    package var grade: Grade { Grade(score: credit / 100) }

    /// Whether a credit or feedback sets it apart from a plain answer at full credit.
    package var isWeighted: Bool { credit != 100 || feedback != nil }

    /// The range of credit the linter accepts, as GIFT's weights run.
    package static var creditRange: ClosedRange<Double> { -100...100 }
}
