import Foundation
import LecternCore

/// How the class answered one question, as drawn after its reveal.
///
/// Choice, multi and true/false get one bar per option in shown order; numbers get their
/// spread (lowest, median, highest and five equal bins); words (short, cloze) get their
/// most common answers, compared after the same normalisation the grader uses; order,
/// match and roles get one bar per outcome. Open answers go to the teacher, not here.
package struct Histogram: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable {
        case options, numbers, words, outcomes, none
    }

    /// One bar: a label (`a`, `true`, an answer's words, `right`), its text and its count.
    package struct Bar: Sendable, Equatable, Codable {
        package var label: String
        package var text: String?
        package var count: Int
        /// Whether this bar is (part of) the right answer.
        package var right: Bool?
    }

    /// The spread of numeric answers.
    package struct Spread: Sendable, Equatable, Codable {
        package struct Bin: Sendable, Equatable, Codable {
            package var low: Double
            package var high: Double
            package var count: Int
        }

        package var lowest: Double
        package var median: Double
        package var highest: Double
        package var bins: [Bin]
    }

    package var kind: Kind
    /// Students who answered, and how many of them were right, partly right or wrong.
    package var answered: Int
    package var right: Int
    package var partial: Int
    package var wrong: Int
    /// Seated students who gave no answer in time.
    package var unanswered: Int
    package var bars: [Bar]
    package var spread: Spread?
    /// Word answers beyond the most common ones shown.
    package var others: Int?

    /// The most common word answers shown.
    static let topWords = 5
    static let binCount = 5

    /// One graded answer, as the histogram needs it.
    struct Entry {
        var text: String
        var evaluation: Evaluation?
    }

    init(question: ClassQuestion, entries: [Entry], unanswered: Int) {
        let grades = entries.compactMap { $0.evaluation?.grade }
        answered = entries.count
        right = grades.filter { $0.outcome == .right }.count
        partial = grades.filter { $0.outcome == .partial }.count
        wrong = grades.filter { $0.outcome == .wrong }.count
        self.unanswered = unanswered
        bars = []
        let item = question.asked
        let layout = question.layout
        switch item.body {
        case .choice(let options), .multi(let options):
            kind = .options
            var counts = [Int](repeating: 0, count: options.count)
            for entry in entries {
                for chosen in entry.evaluation?.chosenOptions ?? [] where counts.indices.contains(chosen) {
                    counts[chosen] += 1
                }
            }
            bars = layout.order.enumerated().map { position, deckIndex in
                Bar(
                    label: OptionLabel.letter(position), text: options[deckIndex].text, count: counts[deckIndex],
                    right: options[deckIndex].isCorrect)
            }
        case .truefalse(let answer):
            kind = .options
            let said = entries.map { AnswerParser.trueFalse($0.text) }
            let trues = said.filter { (try? $0.get()) == true }.count
            let falses = said.filter { (try? $0.get()) == false }.count
            bars = [
                Bar(label: "true", text: nil, count: trues, right: answer),
                Bar(label: "false", text: nil, count: falses, right: !answer),
            ]
        case .numeric(let key):
            kind = .numbers
            let values = entries.compactMap {
                try? NumericAnswerGrader.parse($0.text, percent: key.percent, unit: key.unit).get()
            }
            spread = Self.spread(values.sorted())
        case .short, .cloze:
            kind = .words
            var groups: [String: (count: Int, text: String, right: Bool)] = [:]
            var firstSeen: [String] = []
            for entry in entries {
                let key = TextNormalizer.normalize(entry.text)
                if groups[key] == nil { firstSeen.append(key) }
                groups[key, default: (0, entry.text, entry.evaluation?.grade.outcome == .right)].count += 1
            }
            // Most common first; among equals, the one given first.
            let ranked = firstSeen.compactMap { groups[$0] }.enumerated()
                .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
                .map(\.element)
            bars = ranked.prefix(Self.topWords).map { Bar(label: $0.text, text: nil, count: $0.count, right: $0.right) }
            others = ranked.dropFirst(Self.topWords).reduce(0) { $0 + $1.count }
        case .order, .match, .roles:
            kind = .outcomes
            bars = [
                Bar(label: "right", text: nil, count: right, right: true),
                Bar(label: "partly right", text: nil, count: partial, right: nil),
                Bar(label: "wrong", text: nil, count: wrong, right: false),
            ]
        case .open, .walkthrough, .description:
            kind = .none
        }
    }

    /// Lowest, median, highest and equal-width bins of sorted values; nil when there are none.
    static func spread(_ sorted: [Double]) -> Spread? {
        guard let lowest = sorted.first, let highest = sorted.last else { return nil }
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        guard highest > lowest else {
            return Spread(
                lowest: lowest, median: median, highest: highest,
                bins: [Spread.Bin(low: lowest, high: highest, count: sorted.count)])
        }
        let width = (highest - lowest) / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for value in sorted {
            counts[min(binCount - 1, Int((value - lowest) / width))] += 1
        }
        let bins = counts.enumerated().map { index, count in
            Spread.Bin(
                low: lowest + Double(index) * width,
                high: index == binCount - 1 ? highest : lowest + Double(index + 1) * width, count: count)
        }
        return Spread(lowest: lowest, median: median, highest: highest, bins: bins)
    }
}
