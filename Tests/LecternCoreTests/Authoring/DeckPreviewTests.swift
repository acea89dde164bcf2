import Testing

@testable import LecternCore

/// The preview shows what the learner sees and the key, exactly, for proofreading.
@Suite struct DeckPreviewTests {
    static let deck = StarterDeckTests.loaded.deck

    @Test func choiceItemShowsLetteredOptionsAndItsKey() throws {
        let deck = try #require(Self.deck)
        #expect(
            DeckPreview.render(deck, itemID: "who-gains") == """
                who-gains (choice, claim, ¶3, T1)
                  According to the essay, who gains most when many new sellers arrive?
                    a) The platform
                    b) The first sellers
                    c) The buyers
                  Answer: a
                  Feedback:
                    b) Being early is not the point of paragraph 3; it names the platform.
                    c) Buyers get more choice, but the essay says the platform gains most.
                  Hints:
                    1. Who keeps the followers whatever happens to the sellers?
                  Explain: Paragraph 3 concludes that the platform gains most from the rush.
                """)
    }

    @Test func walkthroughShowsStepsAndBranches() throws {
        let deck = try #require(Self.deck)
        #expect(
            DeckPreview.render(deck, itemID: "think-it-through") == """
                think-it-through (walkthrough, apply, ¶2 ¶3)
                  Scenario: A friend plans to open an online shop next week.
                  Reason through the friend's plan step by step.
                  Step 1: expect-profit (choice)
                    Should the friend expect a profit in the first year?
                      a) Probably not
                      b) Almost certainly
                      c) It depends only on effort
                    Answer: a
                    Feedback:
                      b) Paragraph 2 says most new sellers make none; count the crowd.
                      c) The essay points at crowding, not effort; count the crowd.
                    Branches:
                      a) → who-benefits
                      b) → count-the-crowd
                      c) → count-the-crowd
                  Step 2: count-the-crowd (numeric)
                    If 1,000 new shops share 50,000 buyers, how many buyers does each shop get on average?
                    Answer: 50
                    Then: who-benefits
                  Step 3: who-benefits (short)
                    Who gains from the friend's new shop, whatever its sales?
                    Answer: platform | the platform
                    Then: end
                  Explain: Paragraph 2 tempers the friend's hopes; paragraph 3 names who gains.
                """)
    }

    @Test(arguments: [
        ("first-year-share", "  Answer: 20%"),
        ("fill-the-claim", "  Answer: [1] day | single day  [2] platform"),
        ("order-the-argument", "  Answer: a b c (listed in the right order; shuffled when studied)"),
        ("match-paragraphs", "  Answer: 1a 2b 3c (right side shuffled when studied)"),
        ("label-the-argument", "  Answer: 1p 2p 3c (premise, premise, conclusion)"),
        ("what-is-claimed", "  Answer: a b"),
        ("name-the-winner", "  Answer: platform | the platform | /platforms?/"),
        ("profit-is-easy", "  Answer: false"),
    ])
    func everyTypeShowsItsAnswerKey(_ id: String, _ keyLine: String) throws {
        let deck = try #require(Self.deck)
        let lines = DeckPreview.render(deck, itemID: id).split(separator: "\n").map(String.init)
        #expect(lines.contains(keyLine))
    }

    @Test func clozeShowsNumberedGapsNotAnswers() throws {
        let deck = try #require(Self.deck)
        let lines = DeckPreview.render(deck, itemID: "fill-the-claim").split(separator: "\n").map(String.init)
        #expect(lines[1] == "  Anyone can start selling within a [1] ____, but the [2] ____ gains most.")
    }

    @Test func wholeDeckStartsWithATitleLineAndListsEveryItem() throws {
        let deck = try #require(Self.deck)
        let text = DeckPreview.render(deck, itemID: nil)
        #expect(
            text.hasPrefix(
                "A new deck (my-first-deck): 12 items\nSource: The source text\n\nabout-these-questions (description"))
        for item in deck.items { #expect(text.contains("\n\(item.id) (")) }
    }

    @Test func unknownItemIsSaidPlainly() throws {
        let deck = try #require(Self.deck)
        #expect(
            DeckPreview.render(deck, itemID: "nope").hasPrefix(
                "No item 'nope' in deck 'my-first-deck'; its items are: about-these-questions, who-gains, "))
    }
}
