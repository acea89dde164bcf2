package import LecternCore

/// A deck of `truefalse` items with the given ids, skills and tags.
package func deck(
    _ id: String, items: [(id: String, skill: Skill?, tags: [String])]
) -> Deck {
    let here = SourceLocation(file: "\(id).yaml", line: 1, column: 1)
    return Deck(
        id: id, title: id,
        items: items.map {
            Item(
                id: $0.id, skill: $0.skill, tags: $0.tags, prompt: "?",
                body: .truefalse(answer: true), location: here)
        },
        path: "\(id).yaml", location: here)
}

/// A deck of `truefalse` items with the given ids.
package func deck(_ id: String, ids: [String]) -> Deck {
    deck(id, items: ids.map { (id: $0, skill: nil, tags: []) })
}
