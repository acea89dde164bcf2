import Testing

@testable import LecternCore

/// The GIFT reader against a bank that uses every feature it supports, and against each
/// malformed form, which must be refused at the line and column of the mistake.
@Suite struct GIFTReaderTests {
    /// Every feature once, with a BOM and CRLF line ends added by `everyFeature`.
    static let bank = [
        "// A comment line before everything",
        "$CATEGORY: $course$/Physics",
        "",
        "::Capital of France::[id:capital] [tag:geo] Which city is the capital of France? {",
        "  =Paris#Right, the capital.",
        "  // a comment inside a question",
        "  ~Lyon#Second city, not the capital.",
        "  ~Marseille",
        "}",
        "",
        "::Sun::The sun rises in the east.{T#It does rise in the east.#Yes.}",
        "",
        "Water boils at 50 °C at sea level.{FALSE}",
        "",
        "::Two plus two::Two plus two is?{=four =4}",
        "",
        "::Pairs::Match the capitals.{=France -> Paris =Japan -> Tokyo =Italy -> Rome}",
        "",
        "::Pi::What is pi to two places?{#3.14:0.01}",
        "",
        "A number from one to five.{#1..5}",
        "",
        "The cat sat on the {=mat =rug} all day.",
        "",
        "[markdown]Explain why the sky is blue.{}",
        "",
        "[html]<p>Escapes: 1\\=1 \\~ \\# \\{x\\} a\\:b</p>{=ok####General \\nfeedback}",
        "",
        "A description with no answers.",
        "",
        "::Weighted::Pick one.{=Right ~%50%Half ~%-25%Bad}",
        "",
        "::Several::How many?{#=3:0.5 =%50%4:1 ~#Count again.}",
        "",
        "::Capital short::Name the capital of France.{=Paris#Right. =%50%Lutetia#Its Roman name. =%0%Lyon#The second city. =%-50%Nice#On the coast.}",
    ]

    static var everyFeature: String { "\u{FEFF}" + bank.joined(separator: "\r\n") + "\r\n" }

    @Test func everyFeatureBecomesTheRightQuestion() throws {
        let result = GIFTReader.read(Self.everyFeature, path: "bank.gift")
        #expect(!result.hasErrors)
        let questions = result.questions
        try #require(questions.count == 14)

        #expect(questions[0].title == "Capital of France")
        #expect(questions[0].id == "capital")
        #expect(questions[0].tags == ["geo"])
        #expect(questions[0].category == "$course$/Physics")
        #expect(questions[0].prompt == "Which city is the capital of France?")
        #expect(
            questions[0].kind
                == .choice([
                    .init(text: "Paris", correct: true, feedback: "Right, the capital."),
                    .init(text: "Lyon", correct: false, feedback: "Second city, not the capital."),
                    .init(text: "Marseille", correct: false, feedback: nil),
                ]))
        #expect(questions[0].location == SourceLocation(file: "bank.gift", line: 4, column: 1))
        #expect(
            questions[1].kind
                == .trueFalse(answer: true, wrongFeedback: "It does rise in the east.", rightFeedback: "Yes."))
        #expect(questions[2].kind == .trueFalse(answer: false, wrongFeedback: nil, rightFeedback: nil))
        #expect(questions[3].kind == .short([WeightedAnswer("four"), WeightedAnswer("4")]))
        #expect(
            questions[4].kind
                == .match([
                    .init(left: "France", right: "Paris"), .init(left: "Japan", right: "Tokyo"),
                    .init(left: "Italy", right: "Rome"),
                ]))
        #expect(questions[5].kind == .numeric([WeightedAnswer(.value(3.14, tolerance: 0.01))], otherwise: nil))
        #expect(questions[6].kind == .numeric([WeightedAnswer(.range(1, 5))], otherwise: nil))
        #expect(questions[7].prompt == "The cat sat on the")
        #expect(questions[7].textAfter == "all day.")
        #expect(questions[7].kind == .short([WeightedAnswer("mat"), WeightedAnswer("rug")]))
        #expect(questions[8].kind == .essay)
        #expect(questions[8].prompt == "Explain why the sky is blue.")
        #expect(questions[9].prompt == "Escapes: 1=1 ~ # {x} a:b")
        #expect(questions[9].generalFeedback == "General \nfeedback")
        // Text without braces is a description: shown, not graded.
        #expect(questions[10].kind == .description)
        #expect(questions[10].prompt == "A description with no answers.")
        // A partial credit is kept on the option; a penalty, which decks do not have, is not.
        #expect(
            questions[11].kind
                == .choice([
                    .init(text: "Right", correct: true, feedback: nil),
                    .init(text: "Half", correct: false, feedback: nil, credit: 50),
                    .init(text: "Bad", correct: false, feedback: nil),
                ]))
        // Every numeric answer keeps its weight and feedback, and '~#' its feedback for other numbers.
        #expect(
            questions[12].kind
                == .numeric(
                    [WeightedAnswer(.value(3, tolerance: 0.5)), WeightedAnswer(.value(4, tolerance: 1), credit: 50)],
                    otherwise: "Count again."))
        // Every short answer keeps its weight and feedback, the wrong ones (0% or less) too.
        #expect(
            questions[13].kind
                == .short([
                    WeightedAnswer("Paris", feedback: "Right."),
                    WeightedAnswer("Lutetia", credit: 50, feedback: "Its Roman name."),
                    WeightedAnswer("Lyon", credit: 0, feedback: "The second city."),
                    WeightedAnswer("Nice", credit: -50, feedback: "On the coast."),
                ]))

        // What cannot be kept is a warning naming its line, never dropped silently.
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.rule) == ["gift-not-kept"])
        #expect(warnings.map(\.location.line) == [31])
    }

    @Test func theImportedDeckLoadsAndLintsWithoutFindings() throws {
        let result = GIFTReader.read(Self.everyFeature, path: "bank.gift")
        let written = GIFTDeckWriter.deck(
            result.questions, header: .init(id: "bank", title: "Bank", sourceTitle: "Imported", path: "bank.gift"))
        let loaded = DeckLoader.load(text: written.text, path: "bank.yaml")
        #expect(loaded.diagnostics == [])
        let deck = try #require(loaded.deck)
        #expect(
            deck.items.map(\.id) == [
                "capital", "sun", "q-3", "two-plus-two", "pairs", "pi", "q-7", "q-8", "q-9", "q-10", "q-11",
                "weighted", "several", "capital-short",
            ])
        #expect(
            deck.items.map(\.kind.rawValue) == [
                "choice", "truefalse", "truefalse", "short", "match", "numeric", "numeric", "cloze", "open", "short",
                "description", "choice", "numeric", "short",
            ])
        #expect(deck.items[7].prompt == "The cat sat on the {{mat|rug}} all day.")
        #expect(deck.items[0].tags == ["geo", "$course$/Physics"])
        #expect(deck.items[10].prompt == "A description with no answers.")
        guard case .numeric(let several) = deck.items[12].body, case .short(let capital) = deck.items[13].body else {
            Issue.record("the weighted items changed type")
            return
        }
        #expect(several.answers.map(\.credit) == [100, 50])
        #expect(several.otherwise == "Count again.")
        #expect(capital.accept == ["Paris"])
        #expect(capital.answers.map(\.credit) == [100, 50, 0, -50])
        #expect(capital.answers.map(\.feedback) == ["Right.", "Its Roman name.", "The second city.", "On the coast."])
        // The essay without a model answer is named, so the author writes one.
        #expect(written.diagnostics.map(\.rule) == ["gift-essay-no-model"])
        #expect(written.diagnostics.first?.location.line == 25)
    }

    /// The every-feature file imported, exported and imported again gives the same deck:
    /// prompts, keys, weights and feedback (what the first import could not keep aside).
    @Test func theEveryFeatureFileRoundTripsThroughGIFT() throws {
        let header = GIFTDeckWriter.Header(id: "bank", title: "Bank", sourceTitle: "Imported", path: "bank.gift")
        let first = GIFTDeckWriter.deck(GIFTReader.read(Self.everyFeature, path: "bank.gift").questions, header: header)
        let deck = try #require(DeckLoader.load(text: first.text, path: "bank.yaml").usableDeck)
        let exported = GIFTWriter.write(deck)
        #expect(!exported.diagnostics.contains { $0.message.hasSuffix("left out") })
        #expect(exported.text.contains("=%50%Lutetia#Its Roman name."))
        #expect(exported.text.contains("=%-50%Nice#On the coast."))
        #expect(exported.text.contains("{#\n  =3:0.5\n  =%50%4:1\n  ~#Count again.\n"))
        let read = GIFTReader.read(exported.text, path: "bank-export.gift")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        let second = GIFTDeckWriter.deck(read.questions, header: header)
        let back = try #require(DeckLoader.load(text: second.text, path: "bank.yaml").usableDeck)
        #expect(back.items.map(\.id) == deck.items.map(\.id))
        for (returned, original) in zip(back.items, deck.items) {
            #expect(RoundTripTests.summary(returned, full: false) == RoundTripTests.summary(original, full: false))
        }
    }

    static let malformed: [(text: String, rule: String, line: Int, column: Int)] = [
        ("Q one{=a}\n\nQ two {=a ~b\n", "gift-unclosed-brace", 3, 7),
        ("Q one{=a}\n\nQ two =a ~b}\n", "gift-stray-brace", 3, 12),
        ("Pick {~only}\n", "gift-one-option", 1, 7),
        ("Pick one\nof these {\n  =only\n  ~other\n}\n\nPick {\n~lonely\n}\n", "gift-one-option", 8, 1),
        ("Match {=a -> b}\n", "gift-match-one-pair", 1, 7),
        ("Match {=a -> b =c d =e -> f}\n", "gift-match-no-arrow", 1, 16),
        ("Pi {#3.14:abc}\n", "gift-bad-number", 1, 11),
        ("Pi {#}\n", "gift-no-number", 1, 4),
        ("Huge {#1e400}\n", "gift-bad-number", 1, 8),
        ("// only a comment\n\n", "gift-no-question", 1, 1),
        ("", "gift-no-question", 1, 1),
    ]

    @Test(arguments: malformed.indices)
    func malformedInputIsRefusedAtTheMistake(index: Int) {
        let case_ = Self.malformed[index]
        let result = GIFTReader.read(case_.text, path: "bad.gift")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == [case_.rule], "\(case_.text)")
        #expect(errors.first?.location == SourceLocation(file: "bad.gift", line: case_.line, column: case_.column))
    }

    @Test func aFileOfOnlyDescriptionsHasNoQuestion() {
        let result = GIFTReader.read("Just some text.\n", path: "d.gift")
        // A description is kept, but a file of nothing else asks nothing: is it a GIFT file at all?
        #expect(result.diagnostics.map(\.rule) == ["gift-no-question"])
    }

    /// `@name` and `/…/` mean a concept and a pattern in a deck, so a GIFT answer spelled so
    /// cannot be accepted literally: it is left out with a warning, never turned into either.
    @Test func answersThatADeckWouldReadAsSyntaxAreLeftOutWithAWarning() throws {
        let result = GIFTReader.read("Name one {=@home =/etc/ =ok =a*b}\n", path: "s.gift")
        let written = GIFTDeckWriter.deck(
            result.questions, header: .init(id: "s", title: "S", sourceTitle: "Imported", path: "s.gift"))
        #expect(written.diagnostics.map(\.rule) == ["gift-not-kept", "gift-not-kept", "gift-not-kept"])
        let deck = try #require(DeckLoader.load(text: written.text, path: "s.yaml").usableDeck)
        #expect(deck.items.count == 1)
        #expect(written.text.contains("accept: [\"ok\"]"))
    }
}
