import Testing

@testable import LecternCore

/// The starter deck loads cleanly and shows every item type, so `lectern new` never hands an
/// author a broken file.
@Suite struct StarterDeckTests {
    static let loaded = DeckLoader.load(text: StarterDeck.text(id: "my-first-deck"), path: "Decks/my-first-deck.yaml")

    @Test func loadsWithNoFindings() {
        #expect(Self.loaded.diagnostics == [])
        #expect(Self.loaded.usableDeck?.id == "my-first-deck")
    }

    @Test func namesTheSchemaOnItsFirstLine() {
        #expect(StarterDeck.text(id: "x").hasPrefix("# yaml-language-server: $schema=schema/deck.schema.json\n"))
    }

    @Test func holdsEveryItemType() {
        let kinds = Set(Self.loaded.deck?.items.map(\.kind) ?? [])
        #expect(kinds == Set(ItemKind.allCases))
    }

    @Test func everyTypeRoundTripsIntoTheModel() throws {
        let deck = try #require(Self.loaded.deck)
        func body(_ id: String) -> ItemBody? { deck.item(withID: id)?.body }
        guard case .choice(let options) = body("who-gains") else {
            Issue.record("who-gains is not a choice")
            return
        }
        #expect(options.map(\.isCorrect) == [true, false, false])
        #expect(options.filter { $0.feedback != nil }.count == 2)
        guard case .multi(let picks) = body("what-is-claimed") else {
            Issue.record("not multi")
            return
        }
        #expect(picks.map(\.isCorrect) == [true, true, false])
        guard case .truefalse(let answer) = body("profit-is-easy") else {
            Issue.record("not truefalse")
            return
        }
        #expect(answer == false)
        guard case .short(let short) = body("name-the-winner") else {
            Issue.record("not short")
            return
        }
        #expect(short == ShortAnswerKey(accept: ["platform", "the platform", "/platforms?/"]))
        guard case .numeric(let numeric) = body("first-year-share") else {
            Issue.record("not numeric")
            return
        }
        #expect(numeric == NumericAnswerKey(target: .value(20, tolerance: 0), percent: true))
        guard case .cloze(let cloze) = body("fill-the-claim") else {
            Issue.record("not cloze")
            return
        }
        #expect(cloze.blanks == [["day", "single day"], ["platform"]])
        guard case .order(let sequence) = body("order-the-argument") else {
            Issue.record("not order")
            return
        }
        #expect(sequence.count == 3)
        guard case .match(let pairs) = body("match-paragraphs") else {
            Issue.record("not match")
            return
        }
        #expect(pairs.first == MatchPair(left: "Paragraph 1", right: "Starting is quick."))
        guard case .open(let open) = body("weaken-the-conclusion") else {
            Issue.record("not open")
            return
        }
        #expect(open.rubric.count == 2)
        guard case .roles(let sentences) = body("label-the-argument") else {
            Issue.record("not roles")
            return
        }
        #expect(sentences.map(\.role) == [.premise, .premise, .conclusion])
        guard case .walkthrough(let walkthrough) = body("think-it-through") else {
            Issue.record("not walkthrough")
            return
        }
        #expect(walkthrough.steps.map(\.id) == ["expect-profit", "count-the-crowd", "who-benefits"])
        #expect(walkthrough.steps[0].options.map(\.next) == ["who-benefits", "count-the-crowd", "count-the-crowd"])
        #expect(walkthrough.steps[1].next == "who-benefits")
        #expect(deck.source?.passages.map(\.number) == [1, 2, 3])
    }
}
