import LecternCore

extension Shell {
    /// What the shell was started with; only the learner changes while it runs.
    package struct Configuration: Sendable {
        /// Folders searched for `*.yaml` decks, in order.
        package var deckDirectories: [String]
        package var colorEnabled: Bool
        /// True on a terminal: banner, prompts and wrapping; false in scripted mode.
        package var interactive: Bool
        package var environment: [String: String]
        /// The learner whose progress is read and written.
        package var learner: String
        /// Seeds shuffles; a fixed seed makes a session repeatable (tests, classrooms).
        package var seed: UInt64?
        /// New items a learner meets per day in `study` and `review`.
        package var newItemsPerDay: Int
        package var limits: LoadLimits
        /// Whether block characters can be shown (stats bars); ASCII otherwise.
        package var unicode: Bool

        package init(
            deckDirectories: [String], colorEnabled: Bool, interactive: Bool,
            environment: [String: String], learner: String = "learner", seed: UInt64? = nil,
            newItemsPerDay: Int = 20, limits: LoadLimits = .default, unicode: Bool = true
        ) {
            self.deckDirectories = deckDirectories
            self.colorEnabled = colorEnabled
            self.interactive = interactive
            self.environment = environment
            self.learner = learner
            self.seed = seed
            self.newItemsPerDay = newItemsPerDay
            self.limits = limits
            self.unicode = unicode
        }
    }
}
