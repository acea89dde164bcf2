extension Shell {
    func listDecks() {
        if library.count == 0 {
            say("no decks found in: " + configuration.deckDirectories.joined(separator: ", "))
            return
        }
        for line in library.listing() {
            say(line)
        }
    }
}
