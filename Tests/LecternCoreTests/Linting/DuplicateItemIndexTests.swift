import Foundation
import Testing

@testable import LecternCore

/// The duplicate-item rule compares each item only with the earlier items its index names as
/// candidates. These tests check, on generated decks with planted near-duplicates and on every
/// small pair of word sets, that it finds exactly what comparing every pair finds.
@Suite struct DuplicateItemIndexTests {
    /// Few words, so that generated items overlap often and many pairs sit near each limit.
    static let vocabulary = [
        "seller", "platform", "buyer", "threshold", "market", "entry", "barrier", "price", "effort", "skill",
        "growth", "reason", "evidence", "argument", "viewer", "channel", "career", "expert", "practice", "years",
        "follower", "stream", "profit", "company",
    ]
    static let here = SourceLocation(file: "generated.yaml", line: 1, column: 1)

    /// Draws texts and item bodies from a seed, so a failure can be replayed.
    struct Generator {
        var random: SplitMix64

        mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

        mutating func word() -> String {
            let words = DuplicateItemIndexTests.vocabulary
            return words[number(0...(words.count - 1))]
        }

        mutating func text(_ count: ClosedRange<Int>) -> String {
            let size = number(count)
            return (0..<size).map { _ in word() }
                .joined(separator: " ")
        }

        mutating func body() -> ItemBody {
            switch number(0...6) {
            case 0: .choice(options(correct: 1))
            case 1: .multi(options(correct: 2))
            case 2: .truefalse(answer: number(0...1) == 1)
            case 3: .short(ShortAnswerKey(accept: [text(1...2), text(1...3)]))
            case 4: .numeric(NumericAnswerKey(target: .value(Double(number(1...3)), tolerance: 0)))
            case 5: .order((0..<number(2...4)).map { _ in text(1...2) })
            default: .open(OpenAnswerKey(model: text(2...6), rubric: []))
            }
        }

        private mutating func options(correct: Int) -> [Option] {
            (0..<4).map { index in
                Option(text: text(1...3), isCorrect: index < correct, location: DuplicateItemIndexTests.here)
            }
        }

        /// A rewording of `prompt`: its words shuffled and, half the time when it has three
        /// different words or more, one word added (so the prompts stay at least 3/4 alike).
        mutating func reworded(_ prompt: String) -> String {
            var words = prompt.split(separator: " ").map(String.init).shuffled(using: &random)
            if Set(words).count >= 3, number(0...1) == 1 {
                words.append(word())
            }
            return words.joined(separator: " ")
        }
    }

    /// Three decks of generated items; every tenth item is a reworded copy of an earlier one
    /// (same body), possibly in an earlier deck. Returns the decks and the planted copies' ids.
    static func generatedDecks(seed: UInt64, itemsPerDeck: Int) -> (
        decks: [(path: String, deck: Deck)], planted: [String]
    ) {
        var generator = Generator(random: SplitMix64(seed: seed))
        var made: [Item] = []
        var planted: [String] = []
        var decks: [(path: String, deck: Deck)] = []
        for deckNumber in 0..<3 {
            var items: [Item] = []
            for index in 0..<itemsPerDeck {
                let id = "d\(deckNumber)-i\(index)"
                var item: Item
                if index % 10 == 9, let original = made.randomElement(using: &generator.random) {
                    item = original
                    item.id = id
                    item.prompt = generator.reworded(original.prompt)
                    planted.append(id)
                } else {
                    item = Item(id: id, prompt: generator.text(3...7), body: generator.body(), location: here)
                }
                items.append(item)
                made.append(item)
            }
            let deckID = "deck-\(deckNumber)"
            decks.append(
                (
                    "\(deckID).yaml",
                    Deck(id: deckID, title: deckID, items: items, path: "\(deckID).yaml", location: here)
                ))
        }
        return (decks, planted)
    }

    /// What comparing each entry with every earlier one, in order, finds.
    static func pairwise(_ entries: [DuplicateItemRule.Entry]) -> [Int?] {
        entries.indices.map { position in
            entries[..<position].firstIndex { DuplicateItemRule.isDuplicate($0, entries[position]) }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 2026])
    func theIndexFindsWhatComparingEveryPairFinds(seed: UInt64) {
        let (decks, planted) = Self.generatedDecks(seed: seed, itemsPerDeck: 400)
        let entries = DuplicateItemRule.entries(decks).map(\.entry)
        let indexed = DuplicateItemRule.earliestDuplicates(entries)
        #expect(indexed == Self.pairwise(entries))
        // Every planted copy is found, and reported once, at the copy.
        let findings = DuplicateItemRule.findings(decks).values.flatMap { $0 }
        let reported = Set(
            findings.compactMap { finding in
                planted.first { finding.message.contains("item '\($0)' asks nearly") }
            })
        #expect(reported == Set(planted))
        #expect(findings.count == indexed.compactMap { $0 }.count)
    }

    @Test func everyPairOfSmallWordSetsAtEachLimitIsACandidate() {
        // Sets of 1…8 words drawn from 10, in many overlaps: each pair at or above a limit must
        // be named by the index, whatever their sizes.
        var random = SplitMix64(seed: 16)
        let sets: [[Int32]] = (0..<300).map { _ in
            let size = Int.random(in: 1...8, using: &random)
            return Array(Set((0..<size).map { _ in Int32.random(in: 0..<10, using: &random) })).sorted()
        }
        for limit in [DuplicateItemRule.sameKeyPromptLimit, 0.5, 0.6, DuplicateItemRule.sameKey] {
            var index = SimilarityIndex(count: sets.count)
            var missed: [(Int, Int)] = []
            for (position, set) in sets.enumerated() {
                let candidates = Set(index.candidates(of: set, limit: limit, group: 0))
                for earlier in 0..<position
                where DuplicateItemRule.similarity(sets[earlier], set) >= limit && !candidates.contains(earlier) {
                    missed.append((earlier, position))
                }
                index.insert(position, words: set, limit: limit, group: 0)
            }
            #expect(missed.isEmpty, "limit \(limit): \(missed.prefix(5))")
        }
    }

    @Test func asciiTextGivesTheSameWordsByteByByteAsByCharacter() {
        var random = SplitMix64(seed: 7)
        let pieces = [
            "Seller", "PLATFORM", "the", "and", "x", "ab", "abc", "42", "2026", "a1b2", "-", "_", ",", ".", "'",
            "\r\n", "\n", "\t", " ", "@", "[", "`", "{", "~", "Essay's", "(", ")", "Z", "z", "0", "9",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            #expect(DuplicateItemRule.words(text) == DuplicateItemRule.unicodeWords(text), "\(text.debugDescription)")
        }
        // Text that is not all ASCII takes the path by character.
        #expect(
            DuplicateItemRule.words("Café, NAÏVE plateforme; ½ Straße") == ["café", "naïve", "plateforme", "straße"])
    }

    @Test func theSimilarityOfTwoSortedSetsIsTheirJaccardIndex() {
        #expect(DuplicateItemRule.similarity([1, 2, 3], [2, 3, 4]) == 0.5)
        #expect(DuplicateItemRule.similarity([], []) == 0)
        #expect(DuplicateItemRule.similarity([1], [1]) == 1)
        #expect(DuplicateItemRule.similarity([1, 5], [2, 6]) == 0)
    }
}
