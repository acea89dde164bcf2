import Foundation
import Testing

@testable import LecternCore

/// A `description` item is text that introduces the questions after it: loaded without a
/// key, shown above the question that follows it, and never asked, graded, scheduled or counted.
@Suite struct DescriptionItemTests {
    typealias F = SessionFixture

    static let intro = F.item("intro", skill: nil, prompt: "The next question is about starting a shop.", .description)
    static let closing = F.item("closing", skill: nil, prompt: "That was the last question.", .description)
    static var deck: Deck { F.deck([intro, F.easyStart, closing]) }

    @Test func aDescriptionIsShownAboveTheQuestionAfterItAndNeverAsked() throws {
        let plan = SessionPlan(
            deck: Self.deck, itemIDs: ["intro", "easy-start", "closing"], startTime: F.start)
        var driver = SessionDriver(plan)
        let heading = try #require(driver.transcript.firstIndex(of: "Question 1 of 1"))
        #expect(driver.transcript[heading + 1] == "The next question is about starting a shop.")
        #expect(driver.transcript.contains("1 question · :help lists the commands"))
        driver.type("f")
        let end = driver.type("")
        #expect(end.isFinished)
        #expect(driver.records.map(\.itemID) == ["easy-start"])
        #expect(!driver.transcript.contains("That was the last question."))
    }

    @Test func queuesCountsDrillsAndCoverageLeaveDescriptionsOut() {
        let deck = Self.deck
        #expect(deck.questions.map(\.id) == ["easy-start"])
        #expect(deck.introduction(to: "easy-start").map(\.id) == ["intro"])
        #expect(
            QueuePlanner.queue(decks: [deck], cards: [], now: 0, startOfDay: 0, newLimit: 20)
                == [ItemRef(deckID: "fixture", itemID: "easy-start")])
        #expect(QueuePlanner.counts(decks: [deck], cards: [], now: 0)["fixture"]?.new == 1)
        #expect(SessionPlan.drillQueue(deck: deck) == ["easy-start"])
        #expect(DeckCoverage(decks: [deck]).items == 1)
        // An exam counts questions only.
        let exam = SessionPlan(
            deck: deck, itemIDs: ["intro", "easy-start"], mode: .exam, exam: .init(count: 1), startTime: F.start)
        #expect(exam.items.map(\.id) == ["easy-start"])
    }

    @Test func aDescriptionLoadsWithoutSkillSourceOrExplain() throws {
        let text = LintRuleTests.deck(
            """
              - id: read-first
                type: description
                prompt: Read the case first.

            """ + LintRuleTests.goodItem)
        let result = DeckLoader.load(text: text, path: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let deck = try #require(result.usableDeck)
        #expect(deck.items.map(\.kind) == [.description, .truefalse])
        #expect(ItemEvaluator.evaluate("yes", item: deck.items[0], layout: .none).isFailure)
        #expect(QuestionRenderer.answerText(for: deck.items[0], layout: .none) == nil)
    }

    /// GIFT, CSV and Anki each do what they can: GIFT and CSV keep it; Anki, whose cards must
    /// ask something, puts its text on the front of the next question's card.
    @Test func exportsKeepTheDescription() throws {
        let deck = Self.deck
        let gift = GIFTWriter.write(deck)
        #expect(gift.text.contains("// [id:intro]\n::intro::The next question is about starting a shop.\n"))
        let read = GIFTReader.read(gift.text, path: "d.gift")
        #expect(read.diagnostics.isEmpty)
        #expect(read.questions.map(\.kind).first == .description)
        let table = QuestionTable.write(deck)
        #expect(table.text.contains("intro,description,"))
        let notes = AnkiNotes.notes(of: deck)
        #expect(notes.map(\.itemID) == ["easy-start"])
        #expect(notes.first?.front.contains("The next question is about starting a shop.") == true)
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
