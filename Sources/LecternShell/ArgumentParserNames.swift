import ArgumentParser

/// The deck model has an `Option` (a choice option); on the command line the word means
/// argument-parser's property wrapper.
typealias Option = ArgumentParser.Option
