import Foundation

/// Reads what the learner typed for the option-based item types, forgivingly.
///
/// Spacing, commas, case and full-width characters do not matter; letters and numbers
/// both name displayed entries (`b` and `2` are the same). Everything returns display
/// positions (0-based); the session maps them back to the deck through its layout.
/// A malformed answer is an error with a one-line message, never a grade.
package enum AnswerParser {
    /// One entry named by letter or number: `b`, `B`, `2`, `b)`.
    package static func choice(_ text: String, count: Int) -> Result<Int, MalformedAnswer> {
        let tokens: [Int]
        switch positions(text, count: count) {
        case .failure(let error): return .failure(error)
        case .success(let value): tokens = value
        }
        guard !tokens.isEmpty else { return .failure(pickOne(count)) }
        guard tokens.count == 1 else {
            return .failure(MalformedAnswer("Pick one option only: \(OptionLabel.letterRange(count)) or 1–\(count)."))
        }
        return .success(tokens[0])
    }

    /// Any number of entries: `a c`, `a,c`, `1 3`, `ac`. Repeats count once; the order typed
    /// is kept, so the record of the answer reads in the order the learner named the options.
    package static func multi(_ text: String, count: Int) -> Result<[Int], MalformedAnswer> {
        positions(text, count: count).flatMap { picks in
            var seen = Set<Int>()
            let unique = picks.filter { seen.insert($0).inserted }
            return unique.isEmpty
                ? .failure(MalformedAnswer("Pick one or more options, e.g. \"a c\"."))
                : .success(unique)
        }
    }

    /// Every displayed entry once, in the order the learner puts them: `c a b`.
    package static func order(_ text: String, count: Int) -> Result<[Int], MalformedAnswer> {
        positions(text, count: count).flatMap { picks in
            var seen = Set<Int>()
            for pick in picks where !seen.insert(pick).inserted {
                return .failure(MalformedAnswer("\(OptionLabel.letter(pick)) appears twice; use each entry once."))
            }
            guard picks.count == count else {
                let example = OptionLabel.letters(count).reversed().joined(separator: " ")
                return .failure(MalformedAnswer("Give all \(count) entries in order, e.g. \"\(example)\"."))
            }
            return .success(picks)
        }
    }

    /// Pairs of a left number and a right letter, in any order: `1b 2a 3c`, `1b,2a,3c`, `1b2a3c`.
    /// Every left entry must be paired exactly once; the value maps left position to right position.
    package static func match(_ text: String, leftCount: Int, rightCount: Int) -> Result<[Int: Int], MalformedAnswer> {
        labelledPairs(text, count: leftCount) { letter in
            guard let index = OptionLabel.index(ofLetter: letter), index < rightCount else {
                return .failure(
                    MalformedAnswer("\(letter) is not on the right: use \(OptionLabel.letterRange(rightCount))."))
            }
            return .success(index)
        }
    }

    /// A role letter for each sentence: `1p 2p 3c 4o` (any order), or positionally `p p c o` / `ppco`.
    package static func roles(_ text: String, count: Int) -> Result<[ArgumentRole], MalformedAnswer> {
        let compact = compacted(text)
        if !compact.isEmpty, compact.allSatisfy({ $0.isLetter }) {
            guard compact.count == count else {
                return .failure(MalformedAnswer("Label all \(count) sentences, e.g. \"1p 2c\" (c p a o x)."))
            }
            return sequence(compact.map(role(for:)))
        }
        return labelledPairs(text, count: count, missingMessage: "Label every sentence", value: role(for:)).map {
            labels in
            (0..<count).compactMap { labels[$0] }
        }
    }

    /// Yes or no in the forms the learner is likely to type, English and Chinese.
    package static func trueFalse(_ text: String) -> Result<Bool, MalformedAnswer> {
        let word = folded(text).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if ["t", "true", "y", "yes", "对", "是", "正确", "真"].contains(word) { return .success(true) }
        if ["f", "false", "n", "no", "错", "否", "不对", "错误", "假"].contains(word) { return .success(false) }
        return .failure(MalformedAnswer("Answer true or false (t/f, yes/no, 对/错)."))
    }

    /// Rubric points the learner ticks: `1 3`, `all`, `none`. Returns 0-based points.
    package static func ticks(_ text: String, count: Int) -> Result<Set<Int>, MalformedAnswer> {
        let word = folded(text).trimmingCharacters(in: .whitespacesAndNewlines)
        let usage = MalformedAnswer("Tick the points you covered: numbers 1–\(count), \"all\" or \"none\".")
        if word == "all" { return .success(Set(0..<count)) }
        if word == "none" || word == "0" { return .success([]) }
        let tokens = split(word)
        guard !tokens.isEmpty else { return .failure(usage) }
        var ticked = Set<Int>()
        for token in tokens {
            guard let number = Int(token) else { return .failure(usage) }
            guard number >= 1, number <= count else {
                return .failure(MalformedAnswer("There is no point \(number): tick 1–\(count)."))
            }
            ticked.insert(number - 1)
        }
        return .success(ticked)
    }

    // MARK: - Pieces

    /// Width and compatibility folding plus lower case: `Ｂ` reads as `b`.
    static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    private static let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;、"))

    private static func split(_ text: String) -> [String] {
        text.components(separatedBy: separators).filter { !$0.isEmpty }
    }

    /// The text without anything that may separate entries: `1-b, 2:a` reads as `1b2a`.
    private static func compacted(_ text: String) -> String {
        let dropped = separators.union(CharacterSet(charactersIn: "-:=.)>"))
        return String(String.UnicodeScalarView(folded(text).unicodeScalars.filter { !dropped.contains($0) }))
    }

    /// Display positions named by letters or numbers, in the order typed.
    /// A run of letters names several entries (`ac`); a run of digits is one number.
    private static func positions(_ text: String, count: Int) -> Result<[Int], MalformedAnswer> {
        var picks: [Int] = []
        // Hyphens and slashes separate too: `e-d-b-c-a`, `a/c`.
        for rawToken in folded(text).components(separatedBy: separators.union(CharacterSet(charactersIn: "-/")))
        where !rawToken.isEmpty {
            let token = rawToken.trimmingCharacters(in: CharacterSet(charactersIn: ").("))
            if let number = Int(token) {
                guard number >= 1, number <= count else { return .failure(notAnOption(token, count)) }
                picks.append(number - 1)
            } else if !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isLetter }) {
                for letter in token {
                    guard let index = OptionLabel.index(ofLetter: letter), index < count else {
                        // A word, not a run of letters: the learner typed the option's text.
                        if token.count > 2 { return .failure(typedWords(token, count)) }
                        return .failure(notAnOption(String(letter), count))
                    }
                    picks.append(index)
                }
            } else {
                return .failure(notAnOption(token, count))
            }
        }
        return .success(picks)
    }

    /// Scans `<number><letter>` pairs and checks that each of `count` numbers appears once.
    private static func labelledPairs<Value>(
        _ text: String, count: Int, missingMessage: String = "Pair every entry on the left",
        value: (Character) -> Result<Value, MalformedAnswer>
    ) -> Result<[Int: Value], MalformedAnswer> {
        let compact = Array(compacted(text))
        let usage = MalformedAnswer("Pair each number with a letter, e.g. \"1b 2a\".")
        guard !compact.isEmpty else { return .failure(usage) }
        var result: [Int: Value] = [:]
        var index = 0
        while index < compact.count {
            var digits = ""
            while index < compact.count, compact[index].isASCII, compact[index].isNumber {
                digits.append(compact[index])
                index += 1
            }
            guard let number = Int(digits), index < compact.count else { return .failure(usage) }
            guard number >= 1, number <= count else {
                return .failure(MalformedAnswer("There is no \(number) on the left: use 1–\(count)."))
            }
            let parsed = value(compact[index])
            index += 1
            switch parsed {
            case .failure(let error): return .failure(error)
            case .success(let value):
                guard result[number - 1] == nil else {
                    return .failure(MalformedAnswer("\(number) is paired twice; pair each once."))
                }
                result[number - 1] = value
            }
        }
        let missing = (0..<count).filter { result[$0] == nil }.map { String($0 + 1) }
        guard missing.isEmpty else {
            return .failure(MalformedAnswer("\(missingMessage); missing: \(missing.joined(separator: ", "))."))
        }
        return .success(result)
    }

    private static func role(for letter: Character) -> Result<ArgumentRole, MalformedAnswer> {
        guard let role = ArgumentRole(rawValue: String(letter)) else {
            return .failure(MalformedAnswer("\(letter) is not a role: use c, p, a, o or x."))
        }
        return .success(role)
    }

    private static func sequence<Value>(_ results: [Result<Value, MalformedAnswer>]) -> Result<[Value], MalformedAnswer>
    {
        var values: [Value] = []
        for result in results {
            switch result {
            case .failure(let error): return .failure(error)
            case .success(let value): values.append(value)
            }
        }
        return .success(values)
    }

    private static func notAnOption(_ token: String, _ count: Int) -> MalformedAnswer {
        MalformedAnswer("\"\(token)\" is not an option: answer \(OptionLabel.letterRange(count)) or 1–\(count).")
    }

    private static func typedWords(_ token: String, _ count: Int) -> MalformedAnswer {
        MalformedAnswer(
            "\"\(token)\" is not an option: type the option's letter (\(OptionLabel.letterRange(count))) or number (1–\(count)), not its words."
        )
    }

    private static func pickOne(_ count: Int) -> MalformedAnswer {
        MalformedAnswer("Pick one option: \(OptionLabel.letterRange(count)) or 1–\(count).")
    }
}
