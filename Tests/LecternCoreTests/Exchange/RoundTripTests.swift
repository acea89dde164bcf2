import Testing

@testable import LecternCore

/// Every bundled deck exported and imported again, in process, through the same reader and
/// writer the commands use: what a format can hold must come back with the same question,
/// key, weights and feedback; what it cannot must be named in a warning, never dropped silently.
@Suite("Export and import round trips")
struct RoundTripTests {
    static var decks: [Deck] { BundledDeckTests.library.usableDecks }

    /// Words separated by single spaces: a folded YAML scalar and a one-line GIFT text compare equal.
    static func words(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What a learner is asked and how they are graded, in one comparable text. `full` adds
    /// what only a question table keeps (skill, cited paragraphs, hints, units, rubric).
    static func summary(_ item: Item, full: Bool) -> String {
        // A cloze prompt still holds its blanks' raw variants (`@concept` names); compare what is shown.
        let shown = item.kind == .cloze ? Cloze(parsing: item.prompt).displayText : item.prompt
        var parts = [item.id, item.kind.rawValue, words(shown), item.tags.joined(separator: ",")]
        switch item.body {
        case .choice(let options), .multi(let options):
            parts += options.map { "\(words($0.text))=\($0.isCorrect)%\($0.credit ?? 0)#\(words($0.feedback))" }
        case .truefalse(let answer): parts.append("\(answer)")
        case .short(let key):
            parts += key.accept.filter { !isPattern($0) }
            parts += key.weighted.filter { !isPattern($0.value) }.map {
                "\($0.value)%\($0.credit)#\(words($0.feedback))"
            }
        case .numeric(let key):
            parts.append("\(key.target)")
            parts += key.weighted.map { "\($0.value)%\($0.credit)#\(words($0.feedback))" } + [words(key.otherwise)]
            if full { parts.append("\(key.unit ?? "")|\(key.percent)") }
        case .cloze(let cloze): parts += cloze.blanks.map { $0.joined(separator: "|") }
        case .match(let pairs): parts += pairs.map { "\($0.left)->\($0.right)" }
        case .order(let sequence): parts += sequence
        case .open(let key): parts += [words(key.model)] + (full ? key.rubric : [])
        case .roles, .walkthrough: parts.append("?")
        case .description: break
        }
        // GIFT's essay keeps the model answer in the general feedback, where others keep `explain`.
        if full || item.kind != .open { parts.append(words(item.explain)) }
        if full {
            parts += [
                item.skill?.rawValue ?? "", item.source.map(String.init).joined(separator: ","),
                item.hints.joined(separator: "|"),
            ]
        }
        return parts.joined(separator: " ¦ ")
    }

    static func isPattern(_ text: String) -> Bool { text.count >= 2 && text.hasPrefix("/") && text.hasSuffix("/") }

    static func reloaded(_ text: String, id: String) -> Deck? {
        let loaded = DeckLoader.load(text: text, path: "\(id).yaml")
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.isEmpty)
        return loaded.deck
    }

    @Test(arguments: Self.decks.map(\.id))
    func giftGivesBackEveryItemItCanHold(deckID: String) throws {
        let deck = try #require(Self.decks.first { $0.id == deckID })
        let exported = GIFTWriter.write(deck)
        let read = GIFTReader.read(exported.text, path: "\(deckID).gift")
        #expect(!read.hasErrors, "\(read.diagnostics.map(\.message))")
        #expect(
            read.diagnostics.isEmpty,
            "the reader should keep everything the writer wrote: \(read.diagnostics.map(\.message))")
        let written = GIFTDeckWriter.deck(
            read.questions, header: .init(id: deckID, title: deck.title, sourceTitle: "GIFT", path: "x.gift"))
        let back = try #require(Self.reloaded(written.text, id: deckID))

        let leftOut = Set(exported.diagnostics.filter { $0.message.hasSuffix("left out") }.map(\.location.line))
        let expected = deck.items.filter { !leftOut.contains($0.location.line) }
        #expect(back.items.map(\.id) == expected.map(\.id))
        for (original, returned) in zip(expected, back.items) {
            #expect(Self.summary(returned, full: false) == Self.summary(original, full: false))
        }
        // Only what GIFT has no form for is left out: never a plain choice, true/false, number, match or essay.
        let mustKeep: Set<ItemKind> = [.choice, .multi, .truefalse, .numeric, .match, .open]
        #expect(
            deck.items.filter { mustKeep.contains($0.kind) }.allSatisfy { item in
                back.items.contains { $0.id == item.id }
            })
        // Every item that did not come back is named in a warning at its own line.
        for item in deck.items where !back.items.contains(where: { $0.id == item.id }) {
            #expect(
                exported.diagnostics.contains {
                    $0.location.line == item.location.line && $0.message.contains("'\(item.id)'")
                })
        }
    }

    @Test(arguments: Self.decks.map(\.id))
    func aQuestionTableGivesBackEveryItemButRolesAndWalkthroughs(deckID: String) throws {
        let deck = try #require(Self.decks.first { $0.id == deckID })
        let exported = QuestionTable.write(deck)
        let read = QuestionTableReader.read(
            exported.text, separator: ",",
            header: .init(id: deckID, title: deck.title, sourceTitle: "CSV", path: "x.csv"))
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        let table = try #require(read.deck)
        let back = try #require(Self.reloaded(table, id: deckID))
        let expected = deck.items.filter { $0.kind != .roles && $0.kind != .walkthrough }
        #expect(back.items.map(\.id) == expected.map(\.id))
        for (original, returned) in zip(expected, back.items) {
            #expect(Self.summary(returned, full: true) == Self.summary(original, full: true))
        }
        // Left out (roles, walkthroughs) or set apart (confidence, exact): each named once.
        let settings = deck.items.filter { QuestionTable.unkept($0) != nil }
        #expect(exported.diagnostics.count == deck.items.count - expected.count + settings.count)
    }
}
