import LineEditing
import Testing

/// Completion on its own: extending a word and laying out the candidates.
@Suite("Completion")
struct CompletionTests {
    @Test func resolveExtendsToTheCommonPrefixThenLists() {
        let ids = ["platform-wins", "platform-basics", "celebrity-slump"]
        #expect(Completion.resolve(word: "pl", candidates: ids) == Completion(.insert("atform-")))
        #expect(
            Completion.resolve(word: "platform-", candidates: ids)
                == Completion(.list(["platform-basics", "platform-wins"])))
        #expect(Completion.resolve(word: "c", candidates: ids) == Completion(.insert("elebrity-slump ")))
    }

    @Test func layoutFitsTheWidth() {
        let text = Completion.layout(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text == "alpha  beta\ngamma  delta")
    }
}
