import Foundation
import Testing

@testable import LecternCore

/// Every item and step of every bundled deck, answered with its own key (and every accepted
/// wording) through the graders a session uses, with options shuffled as a session shuffles
/// them: a key the graders reject would mark a right learner wrong.
@Suite("Bundled answer keys")
struct AnswerKeyTests {
    static var decks: [Deck] { BundledDeckTests.library.usableDecks }

    /// Items and walkthrough steps, each with a label for messages.
    static var everyQuestion: [(label: String, item: Item)] {
        decks.flatMap { deck in
            deck.items.flatMap { item -> [(String, Item)] in
                if case .walkthrough(let walkthrough) = item.body {
                    return walkthrough.steps.map { ("\(deck.id)/\(item.id)/\($0.id)", $0) }
                }
                return [("\(deck.id)/\(item.id)", item)]
            }
        }
    }

    static func letter(_ position: Int) -> String { String(UnicodeScalar(UInt8(ascii: "a") + UInt8(position))) }

    /// The line a learner who knows the key types, for the layout shown.
    static func keyLine(_ item: Item, _ layout: ItemLayout) -> String? {
        switch item.body {
        case .choice(let options):
            return options.firstIndex(where: \.isCorrect).map { letter(layout.displayPosition(of: $0)) }
        case .multi(let options):
            return options.indices.filter { options[$0].isCorrect }.map { letter(layout.displayPosition(of: $0)) }
                .sorted().joined(separator: " ")
        case .truefalse(let answer): return answer ? "true" : "f"
        case .short(let key): return ShortAnswerGrader.displayAnswer(key.accept)
        case .numeric(let key):
            let value: Double
            switch key.target {
            case .value(let answer, _): value = answer
            case .range(let low, let high): value = (low + high) / 2
            }
            let number = value == value.rounded() ? String(Int(value)) : String(value)
            return key.percent ? number + "%" : number
        case .cloze(let cloze): return cloze.blanks.compactMap(\.first).joined(separator: "; ")
        case .order(let entries):
            return entries.indices.map { letter(layout.displayPosition(of: $0)) }.joined(separator: " ")
        case .match(let pairs):
            return pairs.indices.map { "\($0 + 1)\(letter(layout.displayPosition(of: $0)))" }.joined(separator: " ")
        case .roles(let sentences):
            return sentences.enumerated().map { "\($0.offset + 1)\($0.element.role.rawValue)" }.joined(separator: " ")
        case .open, .walkthrough, .description: return nil
        }
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func everyKeyEarnsFullCredit(seed: UInt64) throws {
        var checked = 0
        for (label, item) in Self.everyQuestion {
            let layout = ItemLayout.make(for: item, key: label, seed: seed, shuffleOptions: true)
            guard let line = Self.keyLine(item, layout) else {
                if case .open(let key) = item.body {
                    let all = key.rubric.indices.map { String($0 + 1) }.joined(separator: " ")
                    let ticks = try ItemEvaluator.evaluateTicks(all, written: "an answer", key: key).get()
                    #expect(ticks.grade == .right, "\(label): ticking every rubric point")
                }
                continue
            }
            let evaluation = ItemEvaluator.evaluate(line, item: item, layout: layout)
            #expect((try? evaluation.get().grade) == .right, "\(label): its own key '\(line)' is not right")
            checked += 1
        }
        #expect(checked > 200)
    }

    @Test func everyAcceptedWordingIsRight() {
        for (label, item) in Self.everyQuestion {
            switch item.body {
            case .short(let key):
                for wording in key.accept where ShortAnswerGrader.regexPattern(wording) == nil {
                    let grade = try? ShortAnswerGrader.grade(wording, accept: key.accept, exact: key.exact).get()
                    #expect(grade == .right, "\(label): accepted wording '\(wording)' is graded wrong")
                }
            case .cloze(let cloze):
                let firsts = cloze.blanks.compactMap(\.first)
                for (blank, variants) in cloze.blanks.enumerated() {
                    for variant in variants where ShortAnswerGrader.regexPattern(variant) == nil {
                        var line = firsts
                        line[blank] = variant
                        let result = try? ClozeGrader.grade(line.joined(separator: "; "), cloze: cloze).get()
                        #expect(
                            result?.grade == .right, "\(label): blank \(blank + 1) variant '\(variant)' is graded wrong"
                        )
                    }
                }
            default:
                continue
            }
        }
    }

    @Test func noAnswerListStillNamesAConcept() {
        for (label, item) in Self.everyQuestion {
            let entries: [String]
            switch item.body {
            case .short(let key): entries = key.accept
            case .cloze(let cloze): entries = cloze.blanks.flatMap { $0 }
            default: continue
            }
            #expect(!entries.contains { ConceptVocabulary.reference(in: $0) != nil }, "\(label) kept an @concept")
        }
    }

    /// Issue 14: at least six walkthroughs whose choices lead to different content, and
    /// three with a run of three or more steps that only some learners see.
    @Test func walkthroughsBranchForReal() {
        var real: [String] = []
        var deep: [String] = []
        for deck in Self.decks {
            for item in deck.items {
                guard case .walkthrough(let walkthrough) = item.body else { continue }
                let branches = WalkthroughBranches(walkthrough)
                if branches.reallyBranches { real.append("\(deck.id)/\(item.id)") }
                if branches.branchDepth >= 3 { deep.append("\(deck.id)/\(item.id)") }
            }
        }
        #expect(real.count >= 6, "really branching: \(real)")
        #expect(deep.count >= 3, "with a 3-step branch: \(deep)")
    }

    /// A roles item's assumption must be unstated in the text; these premises the essay
    /// states outright must never be keyed `a` again (the review found them keyed so).
    @Test func statedPremisesAreNotKeyedAsAssumptions() {
        let stated = ["common sense", "the lower the threshold", "followers stay", "do not leave the platform"]
        for deck in Self.decks {
            for item in deck.items {
                guard case .roles(let sentences) = item.body else { continue }
                for sentence in sentences where sentence.role == .assumption {
                    let text = sentence.text.lowercased()
                    #expect(!stated.contains { text.contains($0) }, "\(deck.id)/\(item.id): '\(sentence.text)'")
                }
            }
        }
    }
}
