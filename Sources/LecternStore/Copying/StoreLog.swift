package import LecternCore

/// Everything one store holds that another needs to have the same history: its learners
/// and its whole answer log, each answer with its globally unique id and its later ratings.
///
/// `lectern db copy` reads this from one store and merges it into another. Cards are not
/// part of it: they are derived from the log, so the store that receives the log derives
/// them itself, and a damaged card in the source cannot travel.
package struct StoreLog: Sendable, Equatable {
    /// Every learner, including those who have not answered yet, in id order.
    package var learners: [LoggedLearner]
    /// Every answer, in the order the source committed them.
    package var reviews: [LoggedReview]

    package init(learners: [LoggedLearner], reviews: [LoggedReview]) {
        self.learners = learners
        self.reviews = reviews
    }
}

/// A learner as the log names them: stores match learners by name, never by row id.
package struct LoggedLearner: Sendable, Equatable {
    package var name: String
    /// Microseconds since 1970, kept when the learner is new to the receiving store.
    package var createdAt: Int64

    package init(name: String, createdAt: Int64) {
        self.name = name
        self.createdAt = createdAt
    }
}

/// One committed answer, every column as stored (times in microseconds since 1970), with
/// the rating first given and each later change of it in order.
package struct LoggedReview: Sendable, Equatable {
    package var uid: String
    package var learner: String
    package var deckID: String
    package var itemID: String
    package var mode: AnswerRecord.Mode
    package var answeredAt: Int64
    package var answer: String
    package var score: Double
    package var rating: Rating
    package var hints: Int
    package var confidence: Int?
    package var duration: Double
    package var skipped: Bool
    package var ratingChanges: [LoggedRatingChange]

    package init(
        uid: String, learner: String, deckID: String, itemID: String, mode: AnswerRecord.Mode, answeredAt: Int64,
        answer: String, score: Double, rating: Rating, hints: Int, confidence: Int?, duration: Double,
        skipped: Bool, ratingChanges: [LoggedRatingChange] = []
    ) {
        self.uid = uid
        self.learner = learner
        self.deckID = deckID
        self.itemID = itemID
        self.mode = mode
        self.answeredAt = answeredAt
        self.answer = answer
        self.score = score
        self.rating = rating
        self.hints = hints
        self.confidence = confidence
        self.duration = duration
        self.skipped = skipped
        self.ratingChanges = ratingChanges
    }
}

/// A rating given again after the answer (`:easy`, `:hard`); the newest one counts.
package struct LoggedRatingChange: Sendable, Hashable {
    package var rating: Rating
    package var changedAt: Int64

    package init(rating: Rating, changedAt: Int64) {
        self.rating = rating
        self.changedAt = changedAt
    }
}

/// What merging a log into a store did.
package struct MergeCounts: Sendable, Equatable {
    /// Learners in the log (each matched by name or created).
    package var learners = 0
    /// Of those, how many the store did not have yet.
    package var newLearners = 0
    /// Answers added to the store.
    package var copied = 0
    /// Answers whose id the store already had: left as they were.
    package var alreadyThere = 0
    /// Later ratings added (of new answers, or of answers already there that were rated
    /// again in the source since the last copy).
    package var ratingChanges = 0

    package init() {}
}

extension StoreLog {
    /// The learners' names, refused before anything is written when one is not a name
    /// Lectern would store, so that a hand-edited source cannot bring one in.
    package func checkedNames(source: String) throws -> [String] {
        var names: [String] = []
        for learner in learners {
            if let problem = LearnerName.problem(learner.name) {
                throw ProgressStoreError.damaged(
                    path: source, RowDamage(table: "learners", row: learner.name, column: "name", problem: problem))
            }
            names.append(learner.name)
        }
        let known = Set(names)
        for review in reviews where !known.contains(review.learner) {
            throw ProgressStoreError.damaged(
                path: source,
                RowDamage(table: "reviews", row: review.uid, column: "learner_id", problem: "names no learner"))
        }
        return names
    }

    /// The ratings of `review` not yet among `present`, in the source's order.
    package static func missingChanges(of review: LoggedReview, present: [LoggedRatingChange])
        -> [LoggedRatingChange]
    {
        var remaining = present
        return review.ratingChanges.filter { change in
            if let index = remaining.firstIndex(of: change) {
                remaining.remove(at: index)
                return false
            }
            return true
        }
    }
}
