import LecternCore
import Testing

@Suite("Counted nouns")
struct CountedNounTests {
    @Test(
        arguments: [
            (0, "question", nil, "0 questions"), (1, "question", nil, "1 question"), (2, "answer", nil, "2 answers"),
            (1, "reply", "replies", "1 reply"), (3, "reply", "replies", "3 replies"), (-1, "point", nil, "-1 points"),
        ] as [(Int, String, String?, String)])
    func aCountTakesTheNounsSingularOnlyForOne(count: Int, noun: String, plural: String?, expected: String) {
        #expect(CountedNoun.text(count, noun, plural: plural) == expected)
    }
}
