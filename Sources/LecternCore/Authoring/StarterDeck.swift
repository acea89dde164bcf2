/// The deck `lectern new` writes: one commented example of every item type, so that an
/// author starts from something that loads cleanly and shows each form once.
package enum StarterDeck {
    /// The starter deck for `id` (which should be kebab-case and match the file name).
    package static func text(id: String) -> String {
        """
        # yaml-language-server: $schema=schema/deck.schema.json
        # A starter deck: one example of every item type. Replace the examples with your own,
        # then check the file with `lectern lint Decks/\(id).yaml`. Decks/README.md explains
        # every field.

        lectern: 1                 # format version; always 1
        id: \(id)                  # kebab-case, the same as the file name
        title: A new deck
        language: en
        summary: One or two sentences saying what the deck trains.
        tags: [T1]

        # What the deck is about. Each passage is one paragraph of the source, summarised in
        # your own words; items cite them by number.
        source:
          title: The source text
          passages:
            1: The essay claims that anyone can start selling online within a day.
            2: It adds that most new sellers make no profit in their first year.
            3: It concludes that the platform, not the sellers, gains most from the rush.

        # Item ids are how progress is remembered: never rename one, but reorder freely.
        items:
          # description: text shown above the question after it; not asked, graded or counted.
          - id: about-these-questions
            type: description
            prompt: The questions below are about the essay's claim that the platform gains most.

          # choice: one correct option; every wrong option names its misconception.
          - id: who-gains
            type: choice
            skill: claim
            tags: [T1]
            source: [3]
            prompt: According to the essay, who gains most when many new sellers arrive?
            options:
              - text: The platform
                correct: true
              - text: The first sellers
                feedback: Being early is not the point of paragraph 3; it names the platform.
              - text: The buyers
                feedback: Buyers get more choice, but the essay says the platform gains most.
            hints:
              - Who keeps the followers whatever happens to the sellers?
            explain: Paragraph 3 concludes that the platform gains most from the rush.

          # multi: one or more correct options; answered like `a c`.
          - id: what-is-claimed
            type: multi
            skill: recall
            source: [1, 2]
            prompt: Which of these does the essay claim?
            options:
              - text: Starting to sell is quick.
                correct: true
              - text: Most new sellers make no profit at first.
                correct: true
              - text: Selling online needs a large budget.
                feedback: Paragraph 1 says the opposite; starting is cheap and quick.
            explain: Paragraphs 1 and 2 make the first two claims; none mentions a budget.

          # truefalse: answered t or f.
          - id: profit-is-easy
            type: truefalse
            skill: recall
            source: [2]
            prompt: The essay says new sellers usually profit in their first year.
            answer: false
            explain: Paragraph 2 says most make no profit in their first year.

          # short: a typed answer; list accepted variants, /…/ for a regular expression.
          - id: name-the-winner
            type: short
            skill: recall
            source: [3]
            prompt: In one word, who gains most from the rush of sellers?
            accept: [platform, the platform, "/platforms?/"]
            explain: Paragraph 3 names the platform.

          # numeric: a number with a tolerance (or `range: [low, high]`); percent answers take %.
          - id: first-year-share
            type: numeric
            skill: apply
            source: [2]
            prompt: If 80 of 100 new sellers make no profit, what percentage does profit?
            answer: 20
            tolerance: 0
            percent: true
            explain: 100 - 80 = 20 sellers profit, which is 20% (paragraph 2's pattern).

          # cloze: blanks in the prompt, {{answer|variant}}.
          - id: fill-the-claim
            type: cloze
            skill: recall
            source: [1, 3]
            prompt: Anyone can start selling within a {{day|single day}}, but the {{platform}} gains most.
            explain: Paragraph 1 gives the day, paragraph 3 the platform.

          # order: entries listed in the right order; the learner sees them shuffled.
          - id: order-the-argument
            type: order
            skill: premise
            source: [1, 2, 3]
            prompt: Put the essay's steps in the order it makes them.
            sequence:
              - Starting is quick.
              - Most sellers make no profit.
              - The platform gains most.
            explain: The essay moves from paragraph 1 to paragraph 3 in this order.

          # match: pairs; the right-hand side is shown shuffled.
          - id: match-paragraphs
            type: match
            skill: recall
            source: [1, 2, 3]
            prompt: Match each paragraph with its point.
            pairs:
              - left: Paragraph 1
                right: Starting is quick.
              - left: Paragraph 2
                right: Profit is rare at first.
              - left: Paragraph 3
                right: The platform wins.
            explain: Each paragraph makes one of these points.

          # open: a free answer, compared with a model answer point by point.
          - id: weaken-the-conclusion
            type: open
            skill: weaken
            source: [3]
            prompt: What fact would most weaken the claim that the platform gains most?
            model: If the platform's costs grew faster than its users, it would not gain from the rush.
            rubric:
              - Names a fact about the platform, not about one seller.
              - Explains why that fact cuts against paragraph 3.
            explain: Paragraph 3 rests on the platform keeping users cheaply; attack that link.

          # roles: label each sentence c (conclusion), p (premise), a (assumption), o (objection), x.
          - id: label-the-argument
            type: roles
            skill: premise
            source: [1, 2, 3]
            prompt: Label the part each sentence plays.
            sentences:
              - text: Anyone can start selling in a day.
                role: p
              - text: Most new sellers make no profit.
                role: p
              - text: So the platform gains most from the rush.
                role: c
            explain: The first two sentences support the third (paragraphs 1 to 3).

          # walkthrough: a scenario in steps; an option's `next` branches.
          - id: think-it-through
            type: walkthrough
            skill: apply
            source: [2, 3]
            scenario: A friend plans to open an online shop next week.
            prompt: Reason through the friend's plan step by step.
            steps:
              - id: expect-profit
                type: choice
                prompt: Should the friend expect a profit in the first year?
                options:
                  - text: Probably not
                    correct: true
                    next: who-benefits
                  - text: Almost certainly
                    feedback: Paragraph 2 says most new sellers make none; count the crowd.
                    next: count-the-crowd
                  - text: It depends only on effort
                    feedback: The essay points at crowding, not effort; count the crowd.
                    next: count-the-crowd
              # A branch works best as its own line of analysis, not the feedback again.
              - id: count-the-crowd
                type: numeric
                prompt: If 1,000 new shops share 50,000 buyers, how many buyers does each shop get on average?
                answer: 50
                next: who-benefits
              - id: who-benefits
                type: short
                prompt: Who gains from the friend's new shop, whatever its sales?
                accept: [platform, the platform]
            explain: Paragraph 2 tempers the friend's hopes; paragraph 3 names who gains.

        """
    }
}
