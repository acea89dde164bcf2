/// The loader's steps one at a time, so that a benchmark can time each and see where a load goes.
///
/// Every function calls the same internal step `DeckLoader.load(text:path:limits:)` calls, in
/// the same order, so the parts add up to the whole; nothing here reads a clock.
package enum DeckLoadPhases {
    /// Composed YAML, held opaquely: the loader's lean nodes are internal.
    package struct Composed {
        let root: YAMLNode?
        /// What composing reported (syntax errors, aliases, tags, depth).
        package let diagnostics: [Diagnostic]

        /// True when there is a document to build a deck from.
        package var hasRoot: Bool { root != nil }
    }

    /// UTF-8 decoding with the loader's check of every byte; nil when the bytes are not UTF-8.
    package static func decode(_ bytes: [UInt8], path: String) -> String? {
        if case .text(let text) = SourceText.decodeUTF8(bytes, path: path) { return text }
        return nil
    }

    /// The checks on raw text before YAML: a BOM is stripped, tabs in indentation reported
    /// (the loader checks the node budget between the two: `withinNodeBudget`).
    package static func checkText(_ text: String, path: String) -> (
        body: String, diagnostics: [Diagnostic]
    ) {
        let (body, bomWarning) = SourceText.strippingBOM(text, path: path)
        return (
            body, (bomWarning.map { [$0] } ?? []) + SourceText.tabIndentation(in: body, path: path)
        )
    }

    /// The count of lines and entries that refuses files denser than a deck before libyaml runs.
    package static func withinNodeBudget(_ text: String, limits: LoadLimits = .default) -> Bool {
        SourceText.nodeBudgetExceeded(in: text, limit: limits.maxNodes) == nil
    }

    /// The scan for anchor/alias pairs that the composer runs before libyaml sees the text.
    package static func aliasPreScan(_ text: String, path: String) -> [Diagnostic] {
        YAMLComposer.anchorAliasPairs(in: text, path: path)
    }

    /// The loader's whole composition step: alias pre-scan, then libyaml's events to nodes, with
    /// every refusal checked as the events arrive.
    package static func compose(_ text: String, path: String, limits: LoadLimits = .default)
        -> Composed
    {
        let output = YAMLComposer.compose(text, path: path, limits: limits)
        return Composed(root: output.root, diagnostics: output.diagnostics)
    }

    /// Builds the model from composed nodes, with the builder's shape findings.
    package static func build(_ composed: Composed, path: String) -> (
        deck: Deck?, diagnostics: [Diagnostic]
    ) {
        guard let root = composed.root else { return (nil, []) }
        var builder = DeckBuilder(path: path)
        let deck = builder.deck(from: root)
        return (deck, builder.diagnostics)
    }

    /// What the loader itself does between the text checks and the rules: composes the YAML
    /// and builds each item as its events arrive, so no whole-document tree is held.
    package static func composeAndBuild(_ text: String, path: String, limits: LoadLimits = .default) -> (
        deck: Deck?, diagnostics: [Diagnostic]
    ) {
        let (deck, composing, building) = ItemStream.deck(from: text, path: path, limits: limits)
        return (deck, composing + building)
    }

    /// The content rules that need the whole model.
    package static func lint(_ deck: Deck) -> [Diagnostic] {
        DeckLinter.lint(deck)
    }

    /// Findings in the order the loader returns them.
    package static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        DeckLoader.sorted(findings)
    }
}
