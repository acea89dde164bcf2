import Foundation
import Testing

@testable import LecternCore

/// An accepted phrase inside a longer answer: right when the other words cannot change its
/// meaning, wrong when they negate, hedge, contrast or flip it.
@Suite struct PhraseInAnswerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var answer: String
        var accept: [String]
        var right: Bool
        var testDescription: String { "\(answer) vs \(accept)" }
    }

    @Test(arguments: [
        Case(answer: "an edge over rivals", accept: ["edge"], right: true),
        Case(answer: "a competitive edge over the other sellers", accept: ["competitive edge"], right: true),
        Case(answer: "the platform itself, in the end", accept: ["platform"], right: true),
        Case(answer: "buyers' trust in the seller", accept: ["trust"], right: true),
        Case(answer: "trust and reputation", accept: ["trust", "reputation"], right: true),
        Case(answer: "Attention, of the audience!", accept: ["attention"], right: true),
        Case(answer: "no edge", accept: ["edge"], right: false),
        Case(answer: "not the platform", accept: ["platform"], right: false),
        Case(answer: "the platform, not the sellers", accept: ["platform"], right: false),
        Case(answer: "less of an edge", accept: ["edge"], right: false),
        Case(answer: "trust or luck", accept: ["trust"], right: false),
        Case(answer: "maybe the platform", accept: ["platform"], right: false),
        Case(answer: "a high barrier to entry", accept: ["barrier to entry"], right: false),
        Case(answer: "poor results", accept: ["results"], right: false),
        Case(answer: "the sellers don't get attention", accept: ["attention"], right: false),
        Case(answer: "an edge that comes from years of careful work on the product", accept: ["edge"], right: false),
        Case(answer: "the bar is set", accept: ["bar"], right: false),
        Case(answer: "edges", accept: ["edge"], right: false),
        Case(answer: "knowledge", accept: ["edge"], right: false),
        Case(answer: "平台经济学", accept: ["平台经济"], right: false),
    ])
    func phraseInAnswer(_ example: Case) throws {
        let grade = try ShortAnswerGrader.grade(example.answer, accept: example.accept).get()
        #expect(grade == (example.right ? .right : .wrong))
    }

    @Test func exactTurnsTheRuleOff() throws {
        #expect(try ShortAnswerGrader.grade("an edge over rivals", accept: ["edge"], exact: true).get() == .wrong)
    }

    @Test func patternsAreNotSearchedInsideLongerAnswers() throws {
        #expect(try ShortAnswerGrader.grade("an edge over rivals", accept: ["/edges?/"]).get() == .wrong)
    }

    @Test func clozeBlanksUseTheRuleToo() throws {
        let cloze = Cloze(parsing: "What counts is an {{edge}}, by {{¶9|9}}.")
        let result = try ClozeGrader.grade("an edge over rivals; ¶9", cloze: cloze).get()
        #expect(result.blanksRight == [true, true])
    }
}

/// Natural answers a learner who understood would type, per concept of the shared
/// vocabulary. The table was written from what each concept means, not from the lists in
/// `Decks/concepts.yaml`; every entry must be accepted by the concept (with the
/// phrase-in-longer-answer rule and typo tolerance, as in a session).
@Suite struct ConceptVariantTests {
    static let vocabulary: ConceptVocabulary = {
        let path = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Decks/\(ConceptVocabulary.fileName)").path
        return ConceptVocabulary.load(fileAt: path).vocabulary
    }()

    static let naturalVariants: [(concept: String, answers: [String])] = [
        (
            "barrier-to-entry",
            ["the barrier to entry", "entry barriers", "the threshold", "cost of entry", "entry cost"]
        ),
        (
            "low-barrier",
            [
                "low bar", "easy to start", "easy to enter", "low cost", "the low barrier to entry",
                "cheap to start", "low entry costs", "its low threshold",
            ]
        ),
        ("fierce", ["fierce", "fiercer", "more intense", "stronger", "tougher", "harder", "stiffer", "cutthroat"]),
        (
            "beat-competitors",
            ["beat", "outcompete", "outdo", "outsell", "outperform", "beat the other sellers", "do better than"]
        ),
        (
            "competitive-edge",
            [
                "edge", "an edge over rivals", "competitive advantage", "an advantage over competitors",
                "differentiation",
            ]
        ),
        ("trust", ["trust", "reputation", "a track record", "credibility", "buyers' trust", "her reputation"]),
        ("product-quality", ["quality", "product quality", "a better product", "better fruit", "good products"]),
        ("attention", ["attention", "an audience", "followers", "viewers", "the audience's attention", "fans"]),
        ("platform", ["the platform", "platforms", "the online platform", "the app"]),
        ("circulation", ["circulation", "product circulation", "distribution", "supply chain", "the supply chain"]),
        ("spell", ["spell", "magic", "magic spell", "a magic bullet", "panacea", "silver bullet", "cure-all"]),
        (
            "selection-effect",
            ["selection effect", "selection bias", "self-selection", "biased sample", "sampling bias"]
        ),
        ("opportunity-cost", ["opportunity cost", "opportunity costs", "forgone income"]),
        ("specialisation", ["specialisation", "specialization", "division of labour", "division of labor"]),
        ("involution", ["involution", "内卷", "neijuan", "rat race"]),
        ("multi-homing", ["multi-homing", "multihoming", "multi homing"]),
        ("network-effect", ["network effect", "network effects", "network externality"]),
        ("make-money", ["make money", "profitable", "turn a profit", "succeed", "pay off"]),
        ("energy", ["energy", "effort", "hard work"]),
        ("time-is-limited", ["limited", "finite", "scarce", "in short supply"]),
        ("switching-cost", ["switching costs", "switching cost", "lock-in"]),
        ("hasty-generalisation", ["hasty generalisation", "hasty generalization", "overgeneralization"]),
    ]

    @Test func everyNaturalVariantIsAccepted() throws {
        for (id, answers) in Self.naturalVariants {
            let concept = try #require(Self.vocabulary.concepts[id], "no concept '\(id)'")
            for answer in answers {
                #expect(
                    ShortAnswerGrader.matches(answer, accept: concept.accept, exact: false),
                    "concept '\(id)' rejects the natural answer '\(answer)'")
            }
        }
    }

    @Test func wrongAnswersStayWrong() throws {
        let wrong: [(String, String)] = [
            ("competitive-edge", "no edge"), ("platform", "the sellers"), ("attention", "luck"),
            ("low-barrier", "a high barrier to entry"), ("fierce", "milder"), ("trust", "poor results"),
        ]
        for (id, answer) in wrong {
            let concept = try #require(Self.vocabulary.concepts[id])
            #expect(!ShortAnswerGrader.matches(answer, accept: concept.accept, exact: false), "'\(answer)' for \(id)")
        }
    }

    @Test func theVocabularyLoadsCleanAndCoversEveryConceptTheDecksName() throws {
        let path = try #require(Self.vocabulary.path)
        #expect(ConceptVocabulary.load(fileAt: path).diagnostics.isEmpty)
        for (id, _) in Self.naturalVariants { #expect(Self.vocabulary.concepts[id] != nil, "\(id)") }
    }
}
