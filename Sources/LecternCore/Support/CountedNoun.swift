/// "1 question", "2 questions": a count and its noun, so that no message says "1 answers".
package enum CountedNoun {
    /// `plural` for nouns that do not take an "s" ("1 reply", "2 replies").
    package static func text(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
