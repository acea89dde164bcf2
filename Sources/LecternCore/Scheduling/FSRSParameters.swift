import Foundation

/// Configuration of the FSRS-6 scheduler: the 21 model weights plus the
/// scheduling policy (desired retention, learning and relearning steps,
/// maximum interval).
///
/// Values are validated when built, so a scheduler never sees an impossible
/// configuration; ``default`` is the published FSRS-6 configuration.
package struct FSRSParameters: Sendable, Equatable {
    /// Number of FSRS-6 weights.
    package static let weightCount = 21

    /// The published FSRS-6 default weights w0 … w20.
    package static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
        0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
        0.0912, 0.0658, 0.1542,
    ]

    /// Allowed range of each weight (the same bounds the reference enforces).
    static let weightBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4,
        0.001...4, 0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5, 0.001...5,
        0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6, 0...2, 0...2, 0...0.8,
        0.1...0.8,
    ]

    /// The weights w0 … w20.
    package let weights: [Double]
    /// Target probability of recall when a review card comes due (0 < r < 1).
    package let desiredRetention: Double
    /// Delays, in seconds, of the learning steps for new cards.
    package let learningSteps: [TimeInterval]
    /// Delays, in seconds, of the relearning steps after a lapse.
    package let relearningSteps: [TimeInterval]
    /// Longest interval, in days, a review card can be scheduled.
    package let maximumInterval: Int

    /// FSRS-6 defaults: default weights, retention 0.9, learning steps
    /// 1 min and 10 min, relearning step 10 min, maximum interval 36 500 days.
    package static let `default` = FSRSParameters(
        unchecked: defaultWeights, desiredRetention: 0.9, learningSteps: [60, 600],
        relearningSteps: [600], maximumInterval: 36_500)

    /// Why a configuration was refused.
    package struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
        package let problems: [String]
        package var description: String { problems.joined(separator: "\n") }
    }

    /// Builds a configuration, refusing weights outside the model's bounds,
    /// a retention outside (0, 1), non-positive steps or a maximum interval below one day.
    package init(
        weights: [Double] = FSRSParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500
    ) throws(ValidationError) {
        var problems: [String] = []
        if weights.count != Self.weightCount {
            problems.append("expected \(Self.weightCount) weights, got \(weights.count)")
        } else {
            for (index, (value, bounds)) in zip(weights, Self.weightBounds).enumerated()
            where !bounds.contains(value) {
                problems.append(
                    "weight w\(index) = \(value) is outside \(bounds.lowerBound)...\(bounds.upperBound)")
            }
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            problems.append("desired retention must be between 0 and 1, got \(desiredRetention)")
        }
        for step in learningSteps + relearningSteps where !(step > 0 && step.isFinite) {
            problems.append("steps must be positive durations, got \(step) s")
        }
        if maximumInterval < 1 {
            problems.append("maximum interval must be at least 1 day, got \(maximumInterval)")
        }
        guard problems.isEmpty else { throw ValidationError(problems: problems) }
        self.init(
            unchecked: weights, desiredRetention: desiredRetention,
            learningSteps: learningSteps, relearningSteps: relearningSteps,
            maximumInterval: maximumInterval)
    }

    private init(
        unchecked weights: [Double], desiredRetention: Double, learningSteps: [TimeInterval],
        relearningSteps: [TimeInterval], maximumInterval: Int
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }
}
