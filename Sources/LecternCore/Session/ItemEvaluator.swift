import Foundation

/// Grades a typed line for the question on screen, mapping displayed letters back to the deck.
package enum ItemEvaluator {
    package static func evaluate(_ line: String, item: Item, layout: ItemLayout) -> Result<Evaluation, MalformedAnswer>
    {
        let answer = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch item.body {
        case .choice(let options):
            return AnswerParser.choice(answer, count: options.count).map { position in
                let picked = layout.deckIndex(at: position)
                return Evaluation(
                    grade: StructuredGraders.choice(picked: picked, options: options), answer: answer,
                    detail: .options([picked]))
            }
        case .multi(let options):
            return AnswerParser.multi(answer, count: options.count).map { positions in
                let picked = positions.map(layout.deckIndex(at:))
                return Evaluation(
                    grade: StructuredGraders.multi(picked: Set(picked), options: options), answer: answer,
                    detail: .options(picked))
            }
        case .truefalse(let key):
            return AnswerParser.trueFalse(answer).map { given in
                Evaluation(grade: StructuredGraders.trueFalse(given: given, answer: key), answer: answer)
            }
        case .short(let key):
            return ShortAnswerGrader.grade(answer, key: key).map { Evaluation($0, answer: answer) }
        case .numeric(let key):
            return NumericAnswerGrader.weightedGrade(answer, key: key).map { Evaluation($0, answer: answer) }
        case .cloze(let cloze):
            return ClozeGrader.grade(answer, cloze: cloze).map {
                Evaluation(grade: $0.grade, answer: answer, detail: .cloze($0))
            }
        case .order(let entries):
            return AnswerParser.order(answer, count: entries.count).map { positions in
                let given = positions.map(layout.deckIndex(at:))
                return Evaluation(
                    grade: StructuredGraders.order(given: given, count: entries.count), answer: answer,
                    detail: .order(given))
            }
        case .match(let pairs):
            return AnswerParser.match(answer, leftCount: pairs.count, rightCount: pairs.count).map { displayed in
                let mapped = displayed.mapValues(layout.deckIndex(at:))
                return Evaluation(
                    grade: StructuredGraders.match(pairs: mapped, count: pairs.count), answer: answer,
                    detail: .match(mapped))
            }
        case .roles(let sentences):
            return AnswerParser.roles(answer, count: sentences.count).map { given in
                Evaluation(
                    grade: StructuredGraders.roles(given: given, sentences: sentences), answer: answer,
                    detail: .roles(given))
            }
        case .open, .walkthrough:
            return .failure(MalformedAnswer("This question is not answered on one line."))
        case .description:
            return .failure(MalformedAnswer("A description is read, not answered."))
        }
    }

    /// Grades the rubric points ticked for an open answer already written.
    static func evaluateTicks(_ line: String, written: String, key: OpenAnswerKey) -> Result<
        Evaluation, MalformedAnswer
    > {
        AnswerParser.ticks(line, count: key.rubric.count).map { ticked in
            Evaluation(
                grade: StructuredGraders.rubric(ticked: ticked, count: key.rubric.count), answer: written,
                detail: .ticks(ticked))
        }
    }
}
