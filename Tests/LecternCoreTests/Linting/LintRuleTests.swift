import Foundation
import Testing

@testable import LecternCore

/// Every rule's bad example, with exactly where its finding lands and what it says.
///
/// Each example is a small deck whose only problem is the one the row is about, so the row
/// lists every finding the loader gives.
@Suite struct LintRuleTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    /// Lines 1–9; the first item starts on line 10 with its `id` at column 5.
    static let header = """
        lectern: 1
        id: t
        title: Test deck
        source:
          title: An essay
          passages:
            1: The first paragraph.
            2: The second paragraph.
        items:

        """

    static func deck(_ items: String) -> String { header + items }

    /// A clean choice item, for rows about the deck rather than an item.
    static let goodItem = """
          - id: good
            type: truefalse
            skill: recall
            source: [1]
            prompt: Is it so?
            answer: true
            explain: Paragraph 1 says so.

        """

    static let rows: [Row] = [
        Row(
            name: "yaml-syntax",
            text: deck(
                """
                  - id: a
                    type: [choice
                """),
            expected: [
                "12:1 error yaml-syntax invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 11, column 11)"
            ]),
        Row(
            name: "unknown-key",
            text: deck(
                goodItem + """
                      - id: b
                        type: truefalse
                        skill: recall
                        source: [1]
                        promt: Is it?
                        answer: false
                        explain: No.
                    """),
            expected: [
                "21:5 error unknown-key unknown key 'promt' in a truefalse item; did you mean 'prompt'?",
                "17:5 error missing-field truefalse item 'b' needs 'prompt'; add it",
            ]),
        Row(
            name: "unknown-key for another type",
            text: deck(goodItem.replacingOccurrences(of: "answer: true", with: "answer: true\n    accept: [yes]")),
            expected: ["16:5 error unknown-key 'accept' is not a key of a truefalse item; it belongs to short items"]),
        Row(
            name: "unknown-key at top level",
            text: header.replacingOccurrences(of: "title: Test deck", with: "titel: Test deck") + goodItem,
            expected: [
                "1:1 error missing-field the deck needs 'title'; add it",
                "3:1 error unknown-key unknown key 'titel' in the deck; did you mean 'title'?",
            ]),
        Row(
            name: "unknown-key in an open item",
            text: deck(
                """
                  - id: op
                    type: open
                    skill: weaken
                    source: [1]
                    prompt: What weakens it?
                    model: A cost that grows.
                    rubric: [Names a cost.]
                    rubrik: [Again.]
                    explain: Paragraph 1.
                """), expected: ["17:5 error unknown-key unknown key 'rubrik' in an open item; did you mean 'rubric'?"]),
        Row(
            name: "unknown-key next outside a walkthrough",
            text: deck(
                """
                  - id: nx
                    type: choice
                    skill: claim
                    source: [1]
                    prompt: Which?
                    explain: Paragraph 1.
                    options:
                      - text: A
                        correct: true
                        next: elsewhere
                      - text: B
                        feedback: Not B.
                      - text: C
                        feedback: Not C.
                """),
            expected: [
                "19:9 error unknown-key 'next' is not a key of an option; 'next' only works in walkthrough steps"
            ]),
        Row(
            name: "wrong-type",
            text: deck(
                """
                  - id: n
                    type: numeric
                    skill: apply
                    source: [1]
                    prompt: How many?
                    answer: 12
                    tolerance: abc
                    explain: Count them.
                """), expected: ["16:16 error wrong-type expected a number for 'tolerance', got 'abc'"]),
        Row(
            name: "wrong-type list", text: deck(goodItem.replacingOccurrences(of: "source: [1]", with: "source: 1")),
            expected: ["13:13 error wrong-type expected a list for 'source', got '1'; write [1]"]),
        Row(
            name: "wrong-type quoted",
            text: header.replacingOccurrences(of: "lectern: 1", with: "lectern: \"1\"") + goodItem,
            expected: ["1:10 error wrong-type expected a whole number for 'lectern', got \"1\" (quotes make it text)"]),
        Row(
            name: "missing-field",
            text: deck(
                """
                  - id: c
                    type: choice
                    skill: claim
                    source: [1]
                    explain: Because.
                    options:
                      - text: A
                        correct: true
                      - text: B
                        feedback: Not B.
                      - text: C
                        feedback: Not C.
                """), expected: ["10:5 error missing-field choice item 'c' needs 'prompt'; add it"]),
        Row(
            name: "duplicate-id", text: deck(goodItem + goodItem),
            expected: [
                "17:5 error duplicate-id item id 'good' is already used in the deck (line 10); give each its own id"
            ]),
        Row(
            name: "choice-one-correct",
            text: deck(
                """
                  - id: why-low
                    type: choice
                    skill: claim
                    source: [2]
                    prompt: Why are prices low?
                    explain: Paragraph 2.
                    options:
                      - text: A
                        correct: true
                      - text: B
                        correct: true
                      - text: C
                        feedback: Not C.
                """),
            expected: ["10:5 error choice-one-correct choice item 'why-low' has 2 correct options; mark exactly one"]),
        Row(
            name: "multi-no-correct",
            text: deck(
                """
                  - id: m
                    type: multi
                    skill: claim
                    source: [2]
                    prompt: Which hold?
                    explain: Paragraph 2.
                    options:
                      - text: A
                        feedback: Not A.
                      - text: B
                        feedback: Not B.
                """),
            expected: [
                "10:5 error multi-no-correct multi item 'm' has no correct option; mark at least one with 'correct: true'"
            ]),
        Row(
            name: "too-few-entries",
            text: deck(
                """
                  - id: o
                    type: order
                    skill: recall
                    source: [1]
                    prompt: Put in order.
                    explain: Paragraph 1.
                    sequence: [first]
                """),
            expected: ["16:5 error too-few-entries order item 'o' has 1 entry in 'sequence'; it needs at least 2"]),
        Row(
            name: "choice-few-options",
            text: deck(
                """
                  - id: two
                    type: choice
                    skill: claim
                    source: [1]
                    prompt: Which?
                    explain: Paragraph 1.
                    options:
                      - text: A
                        correct: true
                      - text: B
                        feedback: Not B.
                """),
            expected: [
                "16:5 warning choice-few-options choice item 'two' has only 2 options; add a third so that guessing is less rewarding"
            ]),
        Row(
            name: "option-without-feedback",
            text: deck(
                """
                  - id: fb
                    type: choice
                    skill: claim
                    source: [1]
                    prompt: Which?
                    explain: Paragraph 1.
                    options:
                      - text: A
                        correct: true
                      - text: B
                      - text: C
                        feedback: Not C.
                """),
            expected: [
                "19:9 warning option-without-feedback wrong option 'B' of choice item 'fb' has no feedback; name the misconception behind it"
            ]),
        Row(
            name: "option-credit",
            text: deck(
                """
                  - id: credit
                    type: choice
                    skill: claim
                    source: [1]
                    prompt: Which?
                    explain: Paragraph 1.
                    options:
                      - text: A
                        correct: true
                        credit: 50
                      - text: B
                        feedback: Nearly.
                        credit: 50
                      - text: C
                        feedback: No.
                        credit: 100
                """),
            expected: [
                "17:9 error option-credit option 'A' of choice item 'credit': the correct option earns full credit; remove 'credit'",
                "23:9 error option-credit option 'C' of choice item 'credit': 'credit' is a percentage above 0 and below 100",
            ]),
        Row(
            name: "answer-credit",
            text: deck(
                """
                  - id: weights
                    type: short
                    skill: recall
                    source: [1]
                    prompt: Which city is the capital?
                    explain: Paragraph 1.
                    accept:
                      - Paris
                      - text: Lutetia
                        credit: 150
                      - text: Lyon
                        credit: -101
                        feedback: The second city.
                """),
            expected: [
                "18:9 error answer-credit the answer 'Lutetia' of short item 'weights' has credit 150; 'credit' is a percentage from -100 to 100",
                "20:9 error answer-credit the answer 'Lyon' of short item 'weights' has credit -101; 'credit' is a percentage from -100 to 100",
            ]),
        Row(
            name: "no-full-credit",
            text: deck(
                """
                  - id: pi
                    type: numeric
                    skill: recall
                    source: [1]
                    prompt: What is pi to two places?
                    explain: Paragraph 1.
                    answers:
                      - answer: 3
                        tolerance: 0.5
                        credit: 50
                      - range: [0.1, 0.2]
                        credit: 0
                        feedback: Only the part after the point.
                """),
            expected: [
                "16:5 error no-full-credit no answer of numeric item 'pi' earns full credit, so no learner could be right; give one 'credit: 100' or write it without a credit"
            ]),
        Row(
            name: "description-step",
            text: deck(
                """
                  - id: walk
                    type: walkthrough
                    skill: apply
                    source: [1]
                    prompt: Work it through.
                    explain: Paragraph 1.
                    scenario: A shop opens.
                    steps:
                      - id: read
                        type: description
                        prompt: Read the case.
                      - id: one
                        type: truefalse
                        prompt: Is it so?
                        answer: true
                      - id: two
                        type: truefalse
                        prompt: Really?
                        answer: false
                """),
            expected: [
                "19:15 error description-step a walkthrough step must ask something, and a description does not; put its text in the scenario or the step's prompt"
            ]),
        Row(
            name: "missing-explain",
            text: deck(goodItem.replacingOccurrences(of: "    explain: Paragraph 1 says so.\n", with: "")),
            expected: [
                "10:5 warning missing-explain truefalse item 'good' has no 'explain'; say why the answer is right and name the paragraph it relies on"
            ]),
        Row(
            name: "cloze-no-blanks",
            text: deck(
                """
                  - id: cz
                    type: cloze
                    skill: recall
                    source: [1]
                    prompt: Nothing to fill in here.
                    explain: Paragraph 1.
                """),
            expected: [
                "14:5 error cloze-no-blanks cloze item 'cz' has no blanks; write each blank in the prompt as {{answer|variant}}"
            ]),
        Row(
            name: "cloze-unclosed",
            text: deck(
                """
                  - id: cz
                    type: cloze
                    skill: recall
                    source: [1]
                    prompt: Fill {{this|that}} and {{that
                    explain: Paragraph 1.
                """),
            expected: ["14:5 error cloze-unclosed cloze item 'cz' has a '{{' without its '}}'; close every blank"]),
        Row(
            name: "numeric-tolerance",
            text: deck(
                """
                  - id: n
                    type: numeric
                    skill: apply
                    source: [1]
                    prompt: How many?
                    answer: 12
                    tolerance: -1
                    explain: Count them.
                """),
            expected: ["16:5 error numeric-tolerance numeric item 'n' has a negative tolerance (-1); use 0 or more"]),
        Row(
            name: "numeric-range",
            text: deck(
                """
                  - id: r
                    type: numeric
                    skill: apply
                    source: [1]
                    prompt: How many?
                    range: [10, 2.5]
                    explain: Count them.
                """),
            expected: [
                "15:5 error numeric-range numeric item 'r' has a range whose low end 10 is above its high end 2.5; write [low, high]"
            ]),
        Row(
            name: "numeric-key",
            text: deck(
                """
                  - id: r
                    type: numeric
                    skill: apply
                    source: [1]
                    prompt: How many?
                    answer: 3
                    range: [1, 5]
                    explain: Count them.
                """),
            expected: ["16:5 error numeric-key numeric item 'r' has both 'answer' and 'range'; keep one of them"]),
        Row(
            name: "source-unknown-paragraph",
            text: deck(goodItem.replacingOccurrences(of: "source: [1]", with: "source: [1, 7]")),
            expected: [
                "13:5 error source-unknown-paragraph truefalse item 'good' cites paragraph 7, which is not in source.passages; add it there or fix the number"
            ]),
        Row(
            name: "empty-prompt",
            text: deck(goodItem.replacingOccurrences(of: "prompt: Is it so?", with: "prompt: \"  \"")),
            expected: [
                "14:5 error empty-prompt truefalse item 'good' has an empty prompt; write what the learner is asked"
            ]),
        Row(
            name: "id-not-kebab", text: deck(goodItem.replacingOccurrences(of: "id: good", with: "id: Good_One")),
            expected: [
                "10:5 error id-not-kebab item id 'Good_One' is not kebab-case; use lowercase letters, digits and single hyphens, like 'good-one'"
            ]),
        Row(
            name: "id-not-filename", text: header.replacingOccurrences(of: "id: t", with: "id: other") + goodItem,
            expected: [
                "2:1 error id-not-filename deck id 'other' does not match the file name 't.yaml'; rename one of them so they agree"
            ]),
        Row(
            name: "unsupported-version",
            text: header.replacingOccurrences(of: "lectern: 1", with: "lectern: 2") + goodItem,
            expected: [
                "1:1 error unsupported-version format version 2 is not supported; this Lectern reads 'lectern: 1'"
            ]),
        Row(
            name: "unknown-type",
            text: deck(goodItem.replacingOccurrences(of: "type: truefalse", with: "type: choise")),
            expected: ["11:11 error unknown-type unknown item type 'choise'; did you mean 'choice'?"]),
        Row(
            name: "unknown-skill", text: deck(goodItem.replacingOccurrences(of: "skill: recall", with: "skill: weakn")),
            expected: ["12:12 error unknown-skill unknown skill 'weakn'; did you mean 'weaken'?"]),
        Row(
            name: "unknown-role",
            text: deck(
                """
                  - id: ro
                    type: roles
                    skill: premise
                    source: [1]
                    prompt: Label each sentence.
                    explain: Paragraph 1.
                    sentences:
                      - text: Prices fell.
                        role: premise
                      - text: So sellers left.
                        role: c
                """),
            expected: [
                "18:15 error unknown-role unknown role 'premise'; did you mean 'p'?",
                "16:5 error too-few-entries roles item 'ro' has 1 sentence in 'sentences'; it needs at least 2",
            ]),
        Row(
            name: "walkthrough next-unknown, duplicate step, unreachable",
            text: deck(
                """
                  - id: w
                    type: walkthrough
                    skill: apply
                    source: [1]
                    scenario: A shop opens.
                    prompt: Think it through.
                    explain: Paragraph 1.
                    steps:
                      - id: first
                        type: truefalse
                        prompt: Busy?
                        answer: true
                        next: thrid
                      - id: second
                        type: truefalse
                        prompt: Still busy?
                        answer: false
                      - id: second
                        type: truefalse
                        prompt: Again?
                        answer: false
                """),
            expected: [
                "22:15 error next-unknown next: 'thrid' names no step of walkthrough 'w'; steps are: first, second, second",
                "23:9 error step-unreachable step 'second' of walkthrough 'w' can never be reached; point a 'next' at it or remove it",
                "27:9 error duplicate-id step id 'second' is already used in walkthrough 'w' (line 23); give each its own id",
                "27:9 error step-unreachable step 'second' of walkthrough 'w' can never be reached; point a 'next' at it or remove it",
            ]),
        Row(
            name: "walkthrough-cycle",
            text: deck(
                """
                  - id: w
                    type: walkthrough
                    skill: apply
                    source: [1]
                    scenario: A shop opens.
                    prompt: Think it through.
                    explain: Paragraph 1.
                    steps:
                      - id: ask
                        type: choice
                        prompt: Busy?
                        options:
                          - text: Yes
                            correct: true
                            next: again
                          - text: No
                            feedback: Look again.
                          - text: Maybe
                            feedback: Decide.
                      - id: done
                        type: truefalse
                        prompt: Done?
                        answer: true
                      - id: again
                        type: truefalse
                        prompt: Again?
                        answer: false
                        next: ask
                """),
            expected: [
                "37:15 error walkthrough-cycle walkthrough 'w' loops: ask → again → ask; every path must reach an end"
            ]),
        Row(
            name: "nested-walkthrough",
            text: deck(
                """
                  - id: w
                    type: walkthrough
                    skill: apply
                    source: [1]
                    scenario: A shop opens.
                    prompt: Think it through.
                    explain: Paragraph 1.
                    steps:
                      - id: one
                        type: truefalse
                        prompt: Busy?
                        answer: true
                      - id: two
                        type: walkthrough
                        prompt: Inner?
                """),
            expected: [
                "23:15 error nested-walkthrough a walkthrough step cannot itself be a walkthrough; use another type or split it into steps",
                "17:5 error too-few-entries walkthrough item 'w' has 1 step in 'steps'; it needs at least 2",
            ]),
        Row(
            name: "duplicate-key",
            text: deck(
                goodItem.replacingOccurrences(of: "    answer: true\n", with: "    answer: true\n    answer: false\n")),
            expected: ["15:5 error duplicate-key key 'answer' appears more than once in the same map; keep one"]),
        Row(
            name: "bad-language",
            text: header.replacingOccurrences(of: "title: Test deck", with: "title: Test deck\nlanguage: english")
                + goodItem,
            expected: [
                "4:1 error bad-language language 'english' is not a BCP 47 tag; write one such as 'en', 'zh' or 'zh-Hans'"
            ]),
        Row(
            name: "cloze-empty-blank",
            text: deck(
                """
                  - id: cz
                    type: cloze
                    skill: recall
                    source: [1]
                    prompt: Fill {{ }} in.
                    explain: Paragraph 1.
                """),
            expected: [
                "14:5 error cloze-empty-blank cloze item 'cz' has an empty blank {{}}; write the answer inside it"
            ]),
        Row(
            name: "bad-regex",
            text: deck(
                """
                  - id: s
                    type: short
                    skill: concept
                    source: [1]
                    prompt: Name it.
                    accept: [barrier, /entry (barrier/]
                    explain: Paragraph 1.
                """),
            expected: [
                "15:5 error bad-regex short item 's' has an answer pattern /entry (barrier/ that is not a valid regular expression; fix it or drop the slashes"
            ]),
        Row(
            name: "unsafe-regex",
            text: deck(
                """
                  - id: s
                    type: short
                    skill: concept
                    source: [1]
                    prompt: Name it.
                    accept: [barrier, "/(a+)+b/"]
                    explain: Paragraph 1.
                """),
            expected: [
                "15:5 error unsafe-regex short item 's' has an answer pattern /(a+)+b/ that repeats a group that can match in more than one way (nested repetition), which could take Lectern minutes to match; list the variants as plain answers or simplify the pattern"
            ]),
    ]

    @Test(arguments: rows)
    func ruleFindsItsExample(_ row: Row) {
        let result = DeckLoader.load(text: row.text, path: "t.yaml")
        let found = result.diagnostics.map {
            "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule) \($0.message)"
        }
        #expect(found.sorted() == row.expected.sorted())
        #expect(result.diagnostics.allSatisfy { $0.location.file == "t.yaml" })
    }

    @Test func everyRuleInTheRowsIsCatalogued() {
        let ids = Set(Self.rows.flatMap { $0.expected.map { String($0.split(separator: " ")[2]) } })
        #expect(ids.subtracting(LintRules.all.map(\.id)) == [])
        #expect(Set(LintRules.all.map(\.id)).count == LintRules.all.count)
    }

    @Test func everyCataloguedRuleIsInTheAuthoringGuideWithItsSeverity() throws {
        let root = URL(filePath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let guide = try String(contentsOf: root.appending(path: "Decks/README.md"), encoding: .utf8)
        let tableRows = guide.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for rule in LintRules.all {
            let row = tableRows.first { $0.contains("`\(rule.id)`") }
            #expect(
                row?.contains("| \(rule.severity.rawValue) |") == true, "\(rule.id) is missing from Decks/README.md")
        }
    }

    @Test func cleanDeckHasNoFindings() {
        let result = DeckLoader.load(text: Self.deck(Self.goodItem), path: "t.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.deck?.items.map(\.id) == ["good"])
    }
}
