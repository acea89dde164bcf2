/// How one item went, as the closing report needs it.
struct ItemResult: Sendable {
    var item: Item
    var grade: Grade
    var skipped: Bool
    var timedOut: Bool
    /// What the learner typed (walkthroughs: `step-id: answer` lines).
    var answer: String
    /// The right answer as shown to the learner, where one line can say it.
    var key: String?
}
