/// Graders for the item types answered by naming displayed entries.
///
/// They take deck positions (the session maps display letters back through its layout),
/// so the arithmetic here does not depend on how a question was shuffled.
package enum StructuredGraders {
    /// One option: right when it is the correct one; a wrong option with `credit` earns that share.
    package static func choice(picked: Int, options: [Option]) -> Grade {
        guard options.indices.contains(picked) else { return .wrong }
        if options[picked].isCorrect { return .right }
        return options[picked].credit.map { Grade(score: $0 / 100) } ?? .wrong
    }

    /// (right picks − wrong picks) ÷ number of correct options, floored at 0.
    package static func multi(picked: Set<Int>, options: [Option]) -> Grade {
        let correct = options.indices.filter { options[$0].isCorrect }
        guard !correct.isEmpty else { return .wrong }
        let right = picked.filter { options.indices.contains($0) && options[$0].isCorrect }.count
        let wrong = picked.count - right
        return Grade(score: Double(right - wrong) / Double(correct.count))
    }

    /// Credit for an ordering, by its longest correctly ordered run.
    ///
    /// `given` lists deck positions in the order the learner put them; the right order is
    /// 0, 1, 2, …. A run is a stretch of consecutive entries in the answer that are also
    /// consecutive, in the same order, in the right sequence: `given[i+1] == given[i] + 1`
    /// all along it (the longest common substring of the two sequences). The score is the
    /// longest run's length ÷ the number of entries, so the right order scores 1. A run of
    /// one entry is no run at all and scores 0: otherwise a fully reversed answer would
    /// still earn 1/n.
    package static func order(given: [Int], count: Int) -> Grade {
        guard count > 0, !given.isEmpty else { return .wrong }
        var longest = 1, current = 1
        for index in given.indices.dropFirst() {
            current = given[index] == given[index - 1] + 1 ? current + 1 : 1
            longest = max(longest, current)
        }
        return longest < 2 ? .wrong : Grade(score: Double(longest) / Double(count))
    }

    /// The share of left entries paired with their own right side; `pairs` maps deck
    /// position on the left to deck position on the right.
    package static func match(pairs: [Int: Int], count: Int) -> Grade {
        .share((0..<count).filter { pairs[$0] == $0 }.count, of: count)
    }

    /// The share of sentences given their right role.
    package static func roles(given: [ArgumentRole], sentences: [RoleSentence]) -> Grade {
        .share(zip(given, sentences).filter { $0 == $1.role }.count, of: sentences.count)
    }

    /// The share of rubric points the learner ticked.
    package static func rubric(ticked: Set<Int>, count: Int) -> Grade {
        .share(ticked.filter { (0..<count).contains($0) }.count, of: count)
    }

    /// True/false: right when it agrees with the key.
    package static func trueFalse(given: Bool, answer: Bool) -> Grade {
        given == answer ? .right : .wrong
    }
}
