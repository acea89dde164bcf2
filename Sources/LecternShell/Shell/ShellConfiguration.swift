import LecternCore

extension Shell {
    /// What the shell was started with; only the learner changes while it runs.
    public struct Configuration: Sendable {
        /// Folders searched for `*.yaml` decks, in order.
        public var deckDirectories: [String]
        public var colorEnabled: Bool
        /// True on a terminal: banner, prompts and wrapping; false in scripted mode.
        public var interactive: Bool
        public var environment: [String: String]
        /// The learner whose progress is read and written.
        public var learner: String
        /// Seeds shuffles; a fixed seed makes a session repeatable (tests, classrooms).
        public var seed: UInt64?
        /// New items a learner meets per day in `study` and `review`.
        public var newItemsPerDay: Int
        public var limits: LoadLimits
        /// Whether block characters can be shown (stats bars); ASCII otherwise.
        public var unicode: Bool

        public init(
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
