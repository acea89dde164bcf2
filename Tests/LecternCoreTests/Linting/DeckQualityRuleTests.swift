import Foundation
import Testing

@testable import LecternCore

/// The rules that keep keys defensible across decks: shared concepts, duplicates, roles
/// whose assumption restates the conclusion, and walkthroughs that branch only in name.
/// Each test writes real deck files (and a real `concepts.yaml`) to a folder of its own.
@Suite struct DeckQualityRuleTests {
    static let header = """
        lectern: 1
        title: Test deck
        source:
          title: An essay
          passages:
            1: The first paragraph.
        items:

        """

    static let vocabulary = """
        lectern-concepts: 1
        concepts:
          competitive-edge:
            meaning: what sets a seller apart
            accept: [edge, competitive advantage, advantage]

        """

    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "lectern-quality-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    static func deck(_ id: String, _ items: String) -> String { "id: \(id)\n" + header + items }

    static func short(_ id: String, accept: String, prompt: String = "What decides who sells?") -> String {
        """
          - id: \(id)
            type: short
            skill: concept
            source: [1]
            prompt: \(prompt)
            accept: \(accept)
            explain: Paragraph 1.

        """
    }

    static func findings(_ library: DeckLibrary, rule: String) -> [Diagnostic] {
        library.diagnostics.filter { $0.rule == rule }
    }

    @Test func aNamedConceptAcceptsEveryWordingAndAPhraseInALongerAnswer() throws {
        let folder = try Self.folder([
            "concepts.yaml": Self.vocabulary,
            "a.yaml": Self.deck("a", Self.short("s", accept: #"[edge, "@competitive-edge"]"#)),
        ])
        let library = DeckLibrary.load(directories: [folder])
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        #expect(
            library.entries.map { ($0.path as NSString).lastPathComponent } == ["a.yaml"], "concepts.yaml is no deck")
        let item = try #require(library.deck(id: "a")?.item(withID: "s"))
        guard case .short(let key) = item.body else {
            Issue.record("not a short item")
            return
        }
        #expect(key.accept == ["edge", "competitive advantage", "advantage"])
        #expect(ShortAnswerGrader.displayAnswer(key.accept) == "edge")
        #expect(ShortAnswerGrader.matches("a competitive advantage over rivals", accept: key.accept, exact: false))
    }

    @Test func anUnknownConceptIsAnErrorWithASuggestion() throws {
        let folder = try Self.folder([
            "concepts.yaml": Self.vocabulary,
            "a.yaml": Self.deck("a", Self.short("s", accept: #"["@competitive-egde"]"#)),
        ])
        let library = DeckLibrary.load(directories: [folder])
        let found = Self.findings(library, rule: "concept-unknown")
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.location.line == 14)
        #expect(found.first?.message.contains("did you mean '@competitive-edge'?") == true)
        #expect(library.usableDecks.isEmpty)
    }

    @Test func aConceptWithoutAVocabularyFileSaysToAddOne() throws {
        let folder = try Self.folder(["a.yaml": Self.deck("a", Self.short("s", accept: #"["@edge"]"#))])
        let found = Self.findings(DeckLibrary.load(directories: [folder]), rule: "concept-unknown")
        #expect(found.first?.message.contains("there is no concepts.yaml beside the deck") == true)
    }

    @Test func aListUsingAConceptsWordsWithoutNamingItIsWarned() throws {
        let folder = try Self.folder([
            "concepts.yaml": Self.vocabulary,
            "a.yaml": Self.deck("a", Self.short("s", accept: "[edge, competitive advantage]")),
        ])
        let found = Self.findings(DeckLibrary.load(directories: [folder]), rule: "concept-not-named")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("rejects 'advantage'") == true)
        #expect(found.first?.message.contains("write '@competitive-edge'") == true)
    }

    @Test func twoListsShowingOneAnswerWithDifferentWordsDisagreeAcrossDecks() throws {
        let folder = try Self.folder([
            "a.yaml": Self.deck("a", Self.short("s", accept: "[sellers, hosts]")),
            "b.yaml": Self.deck("b", Self.short("t", accept: "[sellers, vendors]", prompt: "Who bears the cost?")),
        ])
        let found = Self.findings(DeckLibrary.load(directories: [folder]), rule: "concept-lists-disagree")
        #expect(found.count == 1)
        #expect(found.first?.location.file.hasSuffix("b.yaml") == true)
        #expect(found.first?.message.contains("only here: 'vendors'; only there: 'hosts'") == true)
    }

    @Test func aBrokenVocabularyIsReportedInTheDeckThatNamesIt() throws {
        let folder = try Self.folder([
            "concepts.yaml": "lectern-concepts: 1\nconcepts:\n  Bad_Id:\n    accept: [x]\n",
            "a.yaml": Self.deck("a", Self.short("s", accept: #"["@bad-id"]"#)),
        ])
        let diagnostics = DeckLibrary.load(directories: [folder]).diagnostics
        #expect(diagnostics.contains { $0.rule == "id-not-kebab" && $0.location.file.hasSuffix("concepts.yaml") })
        #expect(diagnostics.contains { $0.rule == "concept-unknown" })
    }

    @Test func nearDuplicateItemsAcrossDecksAreWarnedAtTheLaterOne() throws {
        let choice = { (id: String, prompt: String) in
            """
              - id: \(id)
                type: choice
                skill: weaken
                source: [1]
                prompt: \(prompt)
                options:
                  - text: Viewers follow the same sellers on three apps and move with them.
                    correct: true
                  - text: Most sellers give up.
                    feedback: That fits the claim.
                  - text: The share price fell.
                    feedback: Noise.
                explain: Paragraph 1.

            """
        }
        let folder = try Self.folder([
            "a.yaml": Self.deck("a", choice("w", "Which finding would most weaken the claim that the platform wins?")),
            "b.yaml": Self.deck(
                "b", choice("v", "Which finding would weaken the claim that the platform is the winner?")),
        ])
        let found = Self.findings(DeckLibrary.load(directories: [folder]), rule: "duplicate-item")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("choice item 'v' asks nearly what 'a/w' asks") == true)
    }

    @Test func anAssumptionThatRestatesTheConclusionIsWarned() throws {
        let roles = { (assumption: String) in
            Self.deck(
                "a",
                """
                  - id: r
                    type: roles
                    skill: premise
                    source: [1]
                    prompt: Label each sentence.
                    sentences:
                      - text: A star with plenty of film work has no time to sell.
                        role: p
                      - text: \(assumption)
                        role: a
                      - text: So the stars who sell are mostly those whose careers had slumped.
                        role: c
                    explain: Paragraph 1.

                """)
        }
        let begging = DeckLoader.load(
            text: roles("Stars turn to selling mainly when their main work dries up."), path: "a.yaml")
        #expect(begging.diagnostics.map(\.rule) == ["assumption-restates-conclusion"])
        let needed = DeckLoader.load(
            text: roles("Live selling takes a large share of a seller's time."), path: "a.yaml")
        #expect(needed.diagnostics.isEmpty)
    }

    static func walkthrough(branch: String) -> String {
        Self.deck(
            "a",
            """
              - id: w
                type: walkthrough
                skill: apply
                source: [1]
                scenario: A case.
                prompt: Reason it through.
                explain: Paragraph 1.
                steps:
                  - id: first
                    type: choice
                    prompt: Which?
                    options:
                      - text: Right
                        correct: true
                        next: last
                      - text: Wrong
                        feedback: Not so.
                        next: branch
                      - text: Also wrong
                        feedback: Not so either.
                        next: branch
            \(branch)
                  - id: last
                    type: truefalse
                    prompt: Done?
                    answer: true

            """)
    }

    @Test func aWalkthroughThatBranchesOnlyToATrueFalseIsWarned() {
        let shallow = Self.walkthrough(
            branch: """
                      - id: branch
                        type: truefalse
                        prompt: The feedback again, as a question?
                        answer: false
                        next: last
                """)
        let result = DeckLoader.load(text: shallow, path: "a.yaml")
        #expect(result.diagnostics.map(\.rule) == ["walkthrough-shallow-branch"])
        let deep = Self.walkthrough(
            branch: """
                      - id: branch
                        type: numeric
                        prompt: How many?
                        answer: 3
                      - id: branch-two
                        type: choice
                        prompt: Which step breaks?
                        options:
                          - text: This one
                            correct: true
                          - text: That one
                            feedback: No.
                          - text: Neither
                            feedback: No.
                      - id: branch-three
                        type: truefalse
                        prompt: Weakened, not refuted?
                        answer: true
                        next: last
                """)
        let result2 = DeckLoader.load(text: deep, path: "a.yaml")
        #expect(result2.diagnostics.isEmpty, "\(result2.diagnostics)")
        guard case .walkthrough(let flow) = result2.deck?.items.first?.body else {
            Issue.record("no walkthrough")
            return
        }
        let branches = WalkthroughBranches(flow)
        #expect(branches.mainLine == ["first", "last"])
        #expect(branches.branchSteps == ["branch", "branch-two", "branch-three"])
        #expect(branches.reallyBranches)
        #expect(branches.branchDepth == 3)
    }
}
