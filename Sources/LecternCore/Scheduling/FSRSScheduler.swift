import Foundation

/// The FSRS-6 spaced-repetition scheduler, as a pure function.
///
/// `review(card, rating:, at:)` depends only on its arguments (and, when fuzz
/// is on, on the fuzz seed): it never reads the clock and holds no mutable
/// state. It reproduces the reference implementation (the `fsrs` Python
/// package, 6.x, checked against 6.3.2) to the last bit for the default
/// configuration: same formulas, same order of floating-point operations,
/// `pow(e, x)` rather than `exp(x)` where the reference writes `math.e ** x`.
/// `Tests/reference/fsrs_replay.py` replays histories through the reference
/// so the two can be diffed.
///
/// ## Model
/// Memory is described by stability S (days until recall probability falls
/// to 90 %) and difficulty D (1…10). With decay `d = -w20` and
/// `F = 0.9^(1/d) - 1`, recall probability after `t` days is
/// `R = (1 + F·t/S)^d`.
/// - First review: `S = w[rating-1]`, `D = w4 - e^(w5·(rating-1)) + 1`.
/// - Difficulty after every later review, whatever the phase:
///   `D' = w7·D0(easy) + (1-w7)·(D + (10-D)·(-w6·(rating-3))/9)`, i.e. a
///   linearly damped step pulled towards the *unclamped* initial difficulty
///   of an easy first rating.
/// - Stability after a review at least one day after the previous one:
///   success `S·(1 + e^w8·(11-D)·S^-w9·(e^((1-R)·w10)-1)·[w15 if hard]·[w16 if easy])`,
///   failure `min(w11·D^-w12·((S+1)^w13-1)·e^((1-R)·w14), S/e^(w17·w18))`.
///   D here is the difficulty *before* this review.
/// - Review interval: `round(S/F·(retention^(1/d)-1))` days (equal to S for
///   retention 0.9, up to rounding of the floating-point result).
///
/// ## Subtleties of the reference, reproduced here
/// - **Elapsed days** are whole days, floored: the number of complete
///   24-hour periods between the previous review and this one
///   (Python's `timedelta.days`), counted from exact instants in UTC, not
///   from calendar dates. 23 h 59 min is 0 days; 24 h is 1 day; 47 h is 1 day.
///   Times are taken at microsecond resolution, as Python's `datetime` does
///   (a `Date` is a double count of seconds since 2001, which resolves
///   microseconds exactly up to about the year 2270).
///   A review earlier than the previous one gives a negative count, and so
///   is treated as a same-day review.
/// - **Same-day reviews** (elapsed days < 1, including the learning steps
///   and any review of a review card less than 24 h after the last one)
///   do not use retrievability. Stability is multiplied by
///   `e^(w17·(rating-3+w18))·S^-w19`; for hard, good and easy that factor is
///   first raised to at least 1, so a same-day success never lowers
///   stability, while again can. Difficulty is updated as usual.
/// - **Early and late reviews**: the stored `due` is never consulted. A
///   review before the due date is scheduled like any other, only with a
///   higher retrievability (so a smaller stability gain); a review long after
///   it has a low retrievability (a larger gain on success). Learning steps
///   are likewise not enforced: a card on its 10-minute step reviewed after
///   2 minutes simply moves on.
/// - **Retrievability** uses the same floored day count, floored again at
///   0: it is exactly 1 for the whole first 24 h after a review. A card with
///   no previous review or no stability has retrievability 0 (this matters
///   only for hand-made states).
/// - **Rounding of intervals**: the interval in days is rounded half to
///   even (Python's `round`), then raised to at least 1 day and capped at the
///   maximum interval (36 500 days). Review due dates are therefore exactly a
///   whole number of 24-hour days after the review instant, at the same time
///   of day, in UTC.
/// - **Clamping**: difficulty is clamped to [1, 10] after every update
///   (including the first). Stability is floored at 0.001 after every update
///   and has no upper bound; only the interval is capped.
/// - **Between learning steps** (learning phase, steps 1 min and 10 min):
///   again → back to step 0, due in 1 min; hard → step unchanged, due in the
///   mean of the first two steps (5.5 min) on step 0, or the current step's
///   delay on a later step; good → next step (10 min), or graduation to
///   review from the last step; easy → graduation at once. Graduation
///   schedules by the interval formula, so a card graduating on easy at its
///   first review waits round(w3) = 8 days. A stored step index at or past
///   the configured steps graduates on any success (a card made under a
///   longer step list).
/// - **Relearning** (after again in the review phase, which also counts a
///   lapse): same rules with the relearning steps; with the single 10 min
///   step, hard waits 1.5 × 10 = 15 min and good graduates back to review.
///   With no relearning steps, a lapsed card stays in review and is scheduled
///   by the interval formula.
/// - **Learning-phase reviews a day or more apart** (a learner who comes
///   back tomorrow) use the long-term stability formula with retrievability,
///   exactly as in the review phase; the step logic is unchanged.
/// - **Fuzz** (off by default) applies only to intervals in the review
///   phase of at least 3 days. The spread is 1 day plus 15 % of the part of
///   the interval between 2.5 and 7 days, 10 % of the part between 7 and 20
///   and 5 % of the part above 20; the bounds are rounded half to even, the
///   lower one raised to 2 and the upper one capped at the maximum interval.
///   The drawn interval is `round(u·(hi-lo+1)+lo)` for `u` in [0, 1), which
///   (as in the reference) can land on `hi + 1`, still capped at the
///   maximum interval. `u` comes from ``FuzzSource``, a SplitMix64 hash of
///   the seed, the review instant and the card's review count, so the result
///   stays a pure function of the inputs.
/// - The reference leaves `reps` and `lapses` to the caller; here `reps`
///   counts every review and `lapses` every again given in the review phase.
/// - A card in the review or relearning phase with no stability or
///   difficulty (impossible from ``CardState/new(now:)``) is treated as
///   reviewed for the first time: the reference would assert.
package struct FSRSScheduler: Sendable {
    /// The configuration in use.
    package let parameters: FSRSParameters
    /// Source of interval fuzz; `nil` (the default) schedules without fuzz.
    package let fuzz: FuzzSource?

    private let decay: Double
    private let factor: Double

    package init(parameters: FSRSParameters = .default, fuzz: FuzzSource? = nil) {
        self.parameters = parameters
        self.fuzz = fuzz
        decay = -parameters.weights[20]
        factor = pow(0.9, 1.0 / decay) - 1.0
    }

    /// The card's state after being rated `rating` at `now`.
    package func review(_ card: CardState, rating: Rating, at now: Date) -> CardState {
        let nowMicros = Microseconds.since1970(now)
        var next = card
        let memory = updatedMemory(card, rating: rating, at: now)
        next.stability = memory.stability
        next.difficulty = memory.difficulty

        let move: (phase: CardPhase, step: Int?, delay: Int64)
        switch card.phase {
        case .learning, .relearning:
            move = learningMove(card, rating: rating, stability: memory.stability, at: nowMicros)
        case .review:
            let relearning = stepMicros(parameters.relearningSteps)
            if rating == .again {
                next.lapses += 1
            }
            if rating == .again && !relearning.isEmpty {
                move = (.relearning, 0, relearning[0])
            } else {
                move = (.review, nil, reviewDelay(stability: memory.stability, card: card, at: nowMicros))
            }
        }
        next.phase = move.phase
        next.step = move.step
        next.due = Microseconds.date(nowMicros + move.delay)
        next.lastReview = now
        next.reps += 1
        return next
    }

    /// Where a card in its learning or relearning steps goes after `rating`: the next step
    /// (or the same, or the first) with that step's delay, or graduation to the review phase
    /// with the interval its new `stability` gives.
    private func learningMove(
        _ card: CardState, rating: Rating, stability: Double, at nowMicros: Int64
    ) -> (phase: CardPhase, step: Int?, delay: Int64) {
        let steps = stepMicros(
            card.phase == .learning
                ? parameters.learningSteps : parameters.relearningSteps)
        let current = card.step ?? 0
        let graduate = { (CardPhase.review, Int?.none, reviewDelay(stability: stability, card: card, at: nowMicros)) }
        if steps.isEmpty || (current >= steps.count && rating.isSuccess) {
            return graduate()
        }
        switch rating {
        case .again:
            return (card.phase, 0, steps[0])
        case .hard:
            if current == 0 && steps.count == 1 {
                return (card.phase, current, Microseconds.halvedToEven(steps[0] * 3))
            } else if current == 0 {
                return (card.phase, current, Microseconds.halvedToEven(steps[0] + steps[1]))
            }
            return (card.phase, current, steps[current])
        case .good:
            return current + 1 == steps.count ? graduate() : (card.phase, current + 1, steps[current + 1])
        case .easy:
            return graduate()
        }
    }

    /// Predicted probability of recall at `now`, counting whole elapsed days
    /// since the last review (so it is 1 during the first 24 hours).
    /// 0 for a card never reviewed.
    package func retrievability(of card: CardState, at now: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let days = max(0, Microseconds.wholeDays(from: lastReview, to: now))
        return pow(1 + factor * Double(days) / stability, decay)
    }

    /// The review interval in whole days for a stability, before fuzz:
    /// rounded half to even, at least 1, at most the maximum interval.
    func intervalDays(stability: Double) -> Int {
        let raw = (stability / factor) * (pow(parameters.desiredRetention, 1.0 / decay) - 1)
        let rounded = raw.rounded(.toNearestOrEven)
        guard rounded.isFinite, rounded < Double(parameters.maximumInterval) else {
            return parameters.maximumInterval
        }
        return min(max(Int(rounded), 1), parameters.maximumInterval)
    }

    /// Lowest and highest fuzzed interval (before the reference's `round`
    /// can add one day on top) for an unfuzzed interval of `days`.
    func fuzzRange(days: Int) -> ClosedRange<Int> {
        let spreads: [(start: Double, end: Double, factor: Double)] = [
            (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
        ]
        var delta = 1.0
        for spread in spreads {
            delta += spread.factor * max(min(Double(days), spread.end) - spread.start, 0.0)
        }
        var low = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var high = Int((Double(days) + delta).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, parameters.maximumInterval)
        low = min(low, high)
        return low...high
    }

    /// Applies fuzz to a review interval with the draw `unit` in [0, 1).
    func fuzzedDays(_ days: Int, unit: Double) -> Int {
        if Double(days) < 2.5 { return days }
        let range = fuzzRange(days: days)
        let drawn = unit * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(Int(drawn.rounded(.toNearestOrEven)), parameters.maximumInterval)
    }

    // MARK: - Memory model

    private func updatedMemory(
        _ card: CardState, rating: Rating, at now: Date
    ) -> (stability: Double, difficulty: Double) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            return (
                clampStability(parameters.weights[rating.rawValue - 1]),
                clampDifficulty(initialDifficulty(rating))
            )
        }
        let newStability: Double
        if let last = card.lastReview, Microseconds.wholeDays(from: last, to: now) < 1 {
            newStability = shortTermStability(stability, rating: rating)
        } else {
            let recall = retrievability(of: card, at: now)
            newStability =
                rating == .again
                ? forgetStability(difficulty: difficulty, stability: stability, recall: recall)
                : recallStability(
                    difficulty: difficulty, stability: stability, recall: recall, rating: rating)
        }
        return (clampStability(newStability), nextDifficulty(difficulty, rating: rating))
    }

    private static let e = 2.718281828459045

    private func initialDifficulty(_ rating: Rating) -> Double {
        let w = parameters.weights
        return w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
    }

    private func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let w = parameters.weights
        let target = initialDifficulty(.easy)
        let change = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * change / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    private func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        let w = parameters.weights
        var growth =
            pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18]))
            * pow(stability, -w[19])
        if rating.isSuccess {
            growth = max(growth, 1.0)
        }
        return stability * growth
    }

    private func forgetStability(difficulty: Double, stability: Double, recall: Double) -> Double {
        let w = parameters.weights
        let longTerm =
            w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
            * pow(Self.e, (1 - recall) * w[14])
        let shortTerm = stability / pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    private func recallStability(
        difficulty: Double, stability: Double, recall: Double, rating: Rating
    ) -> Double {
        let w = parameters.weights
        let hardPenalty = rating == .hard ? w[15] : 1.0
        let easyBonus = rating == .easy ? w[16] : 1.0
        let gain =
            pow(Self.e, w[8]) * (11 - difficulty) * pow(stability, -w[9])
            * (pow(Self.e, (1 - recall) * w[10]) - 1) * hardPenalty * easyBonus
        return stability * (1 + gain)
    }

    private func clampStability(_ value: Double) -> Double { max(value, 0.001) }

    private func clampDifficulty(_ value: Double) -> Double { min(max(value, 1.0), 10.0) }

    // MARK: - Time

    private func stepMicros(_ steps: [TimeInterval]) -> [Int64] {
        steps.map { Int64(($0 * 1_000_000).rounded(.toNearestOrEven)) }
    }

    private func reviewDelay(stability: Double, card: CardState, at nowMicros: Int64) -> Int64 {
        var days = intervalDays(stability: stability)
        if let fuzz {
            days = fuzzedDays(days, unit: fuzz.unit(reps: card.reps, atMicros: nowMicros))
        }
        return Int64(days) * Microseconds.perDay
    }
}

/// Deterministic source of interval fuzz.
///
/// Each draw is a SplitMix64 hash of the seed, the review instant (in
/// microseconds since 1970) and the card's review count before the review,
/// so scheduling with fuzz is still a pure function of its inputs. Give each
/// card its own source (``mixing(_:)`` with the card's id) so that cards
/// reviewed at the same instant with the same history do not move together.
package struct FuzzSource: Sendable, Equatable {
    /// The seed every draw is derived from.
    package let seed: UInt64

    package init(seed: UInt64) {
        self.seed = seed
    }

    /// A source for one card: the seed hashed together with `salt`.
    package func mixing(_ salt: UInt64) -> FuzzSource {
        var generator = SplitMix64(seed: seed)
        return FuzzSource(seed: generator.next() ^ salt)
    }

    /// The draw in [0, 1) for a review at `micros` of a card with `reps`
    /// earlier reviews.
    func unit(reps: Int, atMicros micros: Int64) -> Double {
        var first = SplitMix64(seed: seed)
        var second = SplitMix64(seed: first.next() ^ UInt64(bitPattern: micros))
        var third = SplitMix64(seed: second.next() ^ UInt64(truncatingIfNeeded: reps))
        return SplitMix64.unit(third.next())
    }
}
