import Foundation
@testable import LecternCore

/// Decks built in code for session tests, and a driver that plays a learner with a fixed clock.
enum SessionFixture {
    static let here = SourceLocation(file: "Decks/fixture.yaml", line: 1, column: 1)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func item(
        _ id: String, skill: Skill? = .claim, tags: [String] = [], prompt: String, explain: String? = nil,
        source: [Int] = [], hints: [String] = [], confidence: Bool = false, next: String? = nil, _ body: ItemBody
    ) -> Item {
        Item(
            id: id, skill: skill, tags: tags, prompt: prompt, explain: explain, source: source, hints: hints,
            confidence: confidence, body: body, next: next, location: here)
    }

    static func option(_ text: String, correct: Bool = false, feedback: String? = nil, next: String? = nil) -> Option {
        Option(text: text, isCorrect: correct, feedback: feedback, next: next, location: here)
    }

    static func deck(_ items: [Item]) -> Deck {
        let passages = [
            Passage(number: 3, summary: "Starting is easy; making it pay is hard.", location: here),
            Passage(number: 4, summary: "Followers stay with the platform whatever the sales.", location: here),
        ]
        return Deck(
            id: "fixture", title: "Who gains from crowding", tags: ["T5"],
            source: DeckSource(title: "A selling essay", passages: passages, location: here),
            items: items, path: here.file, location: here)
    }

    static let whoGains = item(
        "who-gains", tags: ["T5"], prompt: "Who gains when many new sellers join?",
        explain: "¶4: the followers stay on the platform.", source: [4],
        hints: ["Where do the followers end up?", "Not a seller."],
        .choice([
            option("The platform", correct: true),
            option("The first sellers", feedback: "Early entry is not the point of ¶4."),
            option("The viewers", feedback: "Viewers get choice, but ¶4 names the platform."),
        ]))

    static let winners = item(
        "winners", skill: .concept, prompt: "Which of these gain?", explain: "Both hold the followers.", source: [4],
        .multi([
            option("The platform", correct: true),
            option("Late sellers", feedback: "They arrive to a crowd."),
            option("The platform's owners", correct: true),
            option("Early sellers"),
        ]))

    static let easyStart = item(
        "easy-start", skill: .recall, tags: ["T3"], prompt: "Starting a shop is the hard part.",
        explain: "¶3: starting is easy.", source: [3], .truefalse(answer: false))

    static let winnerWord = item(
        "winner-word", skill: .recall, prompt: "Who is the final winner?", explain: "¶4.", source: [4],
        .short(ShortAnswerKey(accept: ["platform", "the marketplace"])))

    static let share = item(
        "share", skill: .apply, prompt: "What share of sellers made a profit?", explain: "About one in ten.",
        source: [3],
        .numeric(NumericAnswerKey(target: .value(10, tolerance: 2), percent: true)))

    static let gap = item(
        "gap", skill: .recall, prompt: "The {{platform}} gains while the {{sellers|seller}} compete.", explain: "¶4.",
        source: [4], .cloze(Cloze(parsing: "The {{platform}} gains while the {{sellers|seller}} compete.")))

    static let steps = item(
        "steps", skill: .premise, prompt: "Put the argument in order.", explain: "From entry to the winner.",
        source: [3, 4],
        .order(["Sellers join", "Followers grow", "The platform keeps them"]))

    static let pairs = item(
        "pairs", skill: .concept, prompt: "Match each actor with its gain.", explain: "¶4.", source: [4],
        .match([
            MatchPair(left: "Platform", right: "followers"),
            MatchPair(left: "Viewer", right: "choice"),
            MatchPair(left: "Seller", right: "sales"),
        ]))

    static let argument = item(
        "argument", skill: .premise, prompt: "Label the sentences.", explain: "The last sentence objects.", source: [4],
        .roles([
            RoleSentence(text: "Sellers bring followers.", role: .premise),
            RoleSentence(text: "Followers stay on the platform.", role: .premise),
            RoleSentence(text: "So the platform wins.", role: .conclusion),
            RoleSentence(text: "But some sellers take followers away.", role: .objection),
        ]))

    static let essay = item(
        "essay", skill: .steelman, prompt: "Why might a seller join anyway?", explain: "Look at ¶3.", source: [3],
        .open(
            OpenAnswerKey(
                model: "Hope of early gains, and no other channel.", rubric: ["early gains", "no other channel"])))

    /// Two branches: choosing "Join" goes to `crowd`, "Wait" to `later`; both end at `verdict`.
    static let journey = item(
        "journey", skill: .apply, tags: ["T5"], prompt: "Think it through.", explain: "Crowds favour the platform.",
        source: [4],
        .walkthrough(
            Walkthrough(
                scenario: "A friend wants to open a live-stream shop.",
                steps: [
                    item(
                        "decide", skill: nil, prompt: "What does the friend do?",
                        .choice([
                            option("Join now", correct: true, next: "crowd"),
                            option(
                                "Wait a year", feedback: "Waiting does not change who keeps the followers.",
                                next: "later"),
                        ])),
                    item(
                        "crowd", skill: nil, prompt: "More sellers join too. Who keeps the followers?", explain: "¶4.",
                        next: "verdict",
                        .short(ShortAnswerKey(accept: ["platform"]))),
                    item(
                        "later", skill: nil, prompt: "A year later the market is crowded.", explain: "Crowding grew.",
                        .truefalse(answer: true)),
                    item(
                        "verdict", skill: nil, prompt: "Sales for the friend are then",
                        .choice([
                            option("hard to make", correct: true),
                            option("guaranteed", feedback: "Followers do not guarantee sales."),
                        ])),
                ])))

    static var allItems: [Item] {
        [whoGains, winners, easyStart, winnerWord, share, gap, steps, pairs, argument, essay, journey]
    }

    static func plan(
        _ items: [Item], mode: AnswerRecord.Mode = .study, exam: SessionPlan.ExamOptions = .init(),
        seed: UInt64 = 7, shuffle: Bool = false, paragraphs: [Int: String] = [:]
    ) -> SessionPlan {
        SessionPlan(
            deck: deck(items), itemIDs: items.map(\.id), mode: mode, exam: exam, seed: seed,
            shuffleOptions: shuffle, startTime: start, paragraphs: paragraphs)
    }
}

/// Plays a learner: types lines, advances a fake clock, keeps every output and record.
struct SessionDriver {
    var session: StudySession
    var clock: TimeInterval = 0
    var last = SessionOutput()
    var records: [AnswerRecord] = []
    /// Everything shown, with each typed line echoed after its prompt.
    var transcript: [String] = []

    init(_ plan: SessionPlan) {
        session = StudySession(plan: plan)
        take(session.start(now: now))
    }

    var now: Date { SessionFixture.start.addingTimeInterval(clock) }

    @discardableResult
    mutating func type(_ line: String, after seconds: TimeInterval = 5) -> SessionOutput {
        clock += seconds
        transcript.append(echo(line))
        take(session.handle(line: line, now: now))
        return last
    }

    @discardableResult
    mutating func interrupt(after seconds: TimeInterval = 1) -> SessionOutput {
        clock += seconds
        transcript.append(echo("^C"))
        take(session.interrupt(now: now))
        return last
    }

    /// The prompt and the typed line, without trailing spaces so transcripts survive editors.
    private func echo(_ line: String) -> String {
        var text = last.prompt + line
        while text.last == " " { text.removeLast() }
        return text
    }

    private mutating func take(_ output: SessionOutput) {
        last = output
        records += output.records
        transcript += output.lines.map(\.text)
    }

    /// The letter shown before `text` in the last output (`  b) text`).
    func letter(of text: String) -> String? {
        for line in transcript.reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(") \(text)"), let first = trimmed.first { return String(first) }
        }
        return nil
    }
}
