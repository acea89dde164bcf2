/// Every rule the loader and linter report, with its severity and what it checks, so that
/// tools can list them (`lectern lint --rules`) and tests can keep the guide in step.
package enum LintRules {
    package struct Rule: Sendable, Equatable {
        package var id: String
        package var severity: Severity
        package var summary: String
    }

    package static let all: [Rule] = [
        Rule(id: "yaml-syntax", severity: .error, summary: "the file is not valid YAML"),
        Rule(id: "duplicate-key", severity: .error, summary: "the same key twice in one map"),
        Rule(id: "yaml-alias", severity: .error, summary: "YAML anchors or aliases, which decks do not use"),
        Rule(id: "yaml-tag", severity: .error, summary: "explicit YAML tags, which decks do not use"),
        Rule(id: "multiple-documents", severity: .error, summary: "more than one YAML document in the file"),
        Rule(id: "too-deep", severity: .error, summary: "nesting deeper than the limit"),
        Rule(id: "file-too-large", severity: .error, summary: "a file over the size limit"),
        Rule(id: "too-many-nodes", severity: .error, summary: "a file with far more entries than any deck"),
        Rule(id: "not-utf8", severity: .error, summary: "bytes that are not UTF-8"),
        Rule(id: "bom", severity: .warning, summary: "a byte-order mark at the start (ignored)"),
        Rule(id: "tab-indent", severity: .error, summary: "a tab in indentation"),
        Rule(id: "empty-file", severity: .error, summary: "a file with no content"),
        Rule(id: "unreadable", severity: .error, summary: "a file that cannot be read"),
        Rule(
            id: "not-regular-file", severity: .error,
            summary: "a deck path that is a FIFO, device, socket or /proc file"),
        Rule(
            id: "special-file-skipped", severity: .warning, summary: "a FIFO, socket or device named *.yaml in a folder"
        ),
        Rule(id: "source-file-outside", severity: .error, summary: "a source.file outside the deck's folder"),
        Rule(id: "source-file-missing", severity: .note, summary: "a source.file that is not there"),
        Rule(
            id: "source-file-unusable", severity: .warning,
            summary: "a source.file that is not a regular file, too large or unreadable"),
        Rule(id: "unknown-key", severity: .error, summary: "a key the format does not have there"),
        Rule(id: "wrong-type", severity: .error, summary: "a value of the wrong type"),
        Rule(id: "missing-field", severity: .error, summary: "a required key absent or empty"),
        Rule(id: "unknown-type", severity: .error, summary: "an item type outside the list"),
        Rule(id: "unknown-skill", severity: .error, summary: "a skill outside the list"),
        Rule(id: "unknown-role", severity: .error, summary: "a sentence role outside c, p, a, o, x"),
        Rule(id: "unsupported-version", severity: .error, summary: "a format version other than 1"),
        Rule(id: "bad-language", severity: .error, summary: "a language that is not a BCP 47 tag"),
        Rule(id: "id-not-kebab", severity: .error, summary: "an id that is not kebab-case"),
        Rule(id: "id-not-filename", severity: .error, summary: "a deck id that differs from its file name"),
        Rule(id: "duplicate-id", severity: .error, summary: "two items, or two steps of a walkthrough, with one id"),
        Rule(id: "duplicate-deck-id", severity: .error, summary: "two deck files with one id"),
        Rule(id: "empty-prompt", severity: .error, summary: "a prompt with no text"),
        Rule(
            id: "source-unknown-paragraph", severity: .error, summary: "a cited paragraph missing from source.passages"),
        Rule(id: "choice-one-correct", severity: .error, summary: "a choice item without exactly one correct option"),
        Rule(id: "multi-no-correct", severity: .error, summary: "a multi item with no correct option"),
        Rule(
            id: "too-few-entries", severity: .error,
            summary: "too few options, entries, pairs, sentences, steps, answers or points"),
        Rule(id: "cloze-no-blanks", severity: .error, summary: "a cloze prompt without blanks"),
        Rule(id: "cloze-unclosed", severity: .error, summary: "a cloze blank opened but not closed"),
        Rule(id: "cloze-empty-blank", severity: .error, summary: "a cloze blank with no answer"),
        Rule(id: "bad-regex", severity: .error, summary: "an /…/ answer that is not a valid regular expression"),
        Rule(
            id: "unsafe-regex", severity: .error,
            summary: "an /…/ answer whose matching time could explode (nested repetition, backreferences, length)"),
        Rule(id: "numeric-tolerance", severity: .error, summary: "a negative tolerance"),
        Rule(id: "numeric-range", severity: .error, summary: "a range whose low end is above its high end"),
        Rule(id: "numeric-key", severity: .error, summary: "both answer and range, or tolerance with range"),
        Rule(id: "next-unknown", severity: .error, summary: "a next naming no step"),
        Rule(id: "step-unreachable", severity: .error, summary: "a walkthrough step no path reaches"),
        Rule(id: "walkthrough-cycle", severity: .error, summary: "a walkthrough path that loops"),
        Rule(id: "nested-walkthrough", severity: .error, summary: "a walkthrough step that is itself a walkthrough"),
        Rule(id: "description-step", severity: .error, summary: "a walkthrough step that is a description"),
        Rule(id: "missing-explain", severity: .warning, summary: "an item without explain"),
        Rule(id: "option-without-feedback", severity: .warning, summary: "a wrong option without feedback"),
        Rule(
            id: "option-credit", severity: .error,
            summary: "partial credit on a correct option, on a multi item, or outside 0–100"),
        Rule(
            id: "answer-credit", severity: .error, summary: "a short or numeric answer's credit outside -100 to 100"),
        Rule(
            id: "no-full-credit", severity: .error,
            summary: "a short or numeric item none of whose answers earns full credit"),
        Rule(id: "choice-few-options", severity: .warning, summary: "a choice item with only two options"),
        Rule(
            id: "too-many-entries", severity: .error, summary: "more options, entries or pairs than there are letters"),
        Rule(
            id: "concept-unknown", severity: .error,
            summary: "an @concept answer that the folder's concepts.yaml does not define"),
        Rule(
            id: "concept-not-named", severity: .warning,
            summary: "an answer list that uses a concept's wordings without naming the concept"),
        Rule(
            id: "concept-lists-disagree", severity: .warning,
            summary: "two answer lists that ask for the same answer but accept different wordings"),
        Rule(
            id: "assumption-restates-conclusion", severity: .warning,
            summary: "a roles item whose unstated assumption says what its conclusion says"),
        Rule(
            id: "duplicate-item", severity: .warning,
            summary: "two items, in one deck or two, with near-identical prompt and answer"),
        Rule(
            id: "walkthrough-shallow-branch", severity: .warning,
            summary: "a walkthrough whose branches are only true/false steps restating the feedback"),
    ]

    package static func rule(id: String) -> Rule? {
        all.first { $0.id == id }
    }
}
