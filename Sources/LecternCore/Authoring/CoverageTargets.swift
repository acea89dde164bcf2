/// Coverage targets read from a small YAML or JSON file, for `deck-stats --targets FILE`.
///
/// Every key is optional and one figure of `DeckCoverage.Bars`, spelled in kebab-case
/// (`items: 160`, `per-type: 5`, `paragraphs: [1, 2, 3]`, `reasoning-share: 0.5`); a figure
/// left out is not judged. The file is untrusted like a deck: read only when it is a regular
/// file of at most `maxBytes`, composed without aliases, and every value checked.
package enum CoverageTargets {
    /// A targets file is a dozen lines; 64 KiB leaves room for comments and long thread lists.
    package static let maxBytes = 64 * 1024

    static var wholeNumberKeys: [String: WritableKeyPath<DeckCoverage.Bars, Int>] {
        [
            "decks": \.decks, "items": \.items, "per-paragraph": \.perParagraph, "per-thread": \.perThread,
            "per-type": \.perType, "per-skill": \.perSkill, "long-walkthroughs": \.longWalkthroughs,
            "walkthrough-minimum-steps": \.walkthroughMinimumSteps,
            "branching-walkthroughs": \.branchingWalkthroughs,
            "really-branching-walkthroughs": \.reallyBranchingWalkthroughs,
            "deeply-branching-walkthroughs": \.deeplyBranchingWalkthroughs, "roles": \.roles,
            "confidence": \.confidence,
        ]
    }
    static var allKeys: [String] {
        (Array(wholeNumberKeys.keys) + ["paragraphs", "threads", "reasoning-share"]).sorted()
    }

    /// The bars in the file at `path`, or a sentence saying what is wrong and where.
    package static func load(fileAt path: String) -> Result<DeckCoverage.Bars, TargetsError> {
        switch RegularFile.read(path, maxBytes: maxBytes) {
        case .failure(.tooLarge(let bytes)):
            return .failure(TargetsError("\(path): the file is \(bytes) bytes; a targets file is at most \(maxBytes)"))
        case .failure(let refusal):
            return .failure(TargetsError("\(path): the file \(refusal.reason); give a YAML or JSON file of targets"))
        case .success(let bytes):
            guard case .text(let text) = SourceText.decodeUTF8(bytes, path: path) else {
                return .failure(TargetsError("\(path): the file is not UTF-8; save it as UTF-8"))
            }
            return parse(text, path: path)
        }
    }

    /// The bars written in `text` (YAML, or JSON, which is YAML too).
    package static func parse(_ text: String, path: String) -> Result<DeckCoverage.Bars, TargetsError> {
        // The deck loader's composer: anchors, aliases and tags are refused there.
        let composed = YAMLComposer.compose(text, path: path, limits: LoadLimits(maxBytes: maxBytes))
        if let problem = composed.diagnostics.first(where: { $0.severity == .error }) {
            let place = "\(path):\(problem.location.line):\(problem.location.column)"
            return .failure(TargetsError("\(place): not valid YAML or JSON: \(problem.message)"))
        }
        guard case .mapping(let mapping)? = composed.root else {
            return .failure(TargetsError("\(path): expected a map of figures, such as 'items: 160'"))
        }
        var bars = DeckCoverage.Bars()
        for (keyNode, value) in mapping.pairs {
            let key = keyNode.scalar?.string ?? ""
            let place = "\(path):\(keyNode.mark.line):\(keyNode.mark.column)"
            func fail(_ message: String) -> Result<DeckCoverage.Bars, TargetsError> {
                .failure(TargetsError("\(place): \(message)"))
            }
            if let path = wholeNumberKeys[key] {
                guard let number = wholeNumber(value) else {
                    return fail("'\(key)' needs a whole number from 0 to 100000")
                }
                bars[keyPath: path] = number
            } else if key == "reasoning-share" {
                guard let text = value.scalar?.string, let share = Double(text), share.isFinite, (0...1).contains(share)
                else { return fail("'reasoning-share' needs a number from 0 to 1, such as 0.5") }
                bars.reasoningShare = share
            } else if key == "paragraphs" {
                guard case .sequence(let sequence) = value, case let list = sequence.nodes, list.count <= 10_000 else {
                    return fail("'paragraphs' needs a list of paragraph numbers, such as [1, 2, 3]")
                }
                var numbers: [Int] = []
                for entry in list {
                    guard let number = wholeNumber(entry) else { return fail("'paragraphs' holds a non-number") }
                    numbers.append(number)
                }
                bars.paragraphs = numbers
            } else if key == "threads" {
                guard case .sequence(let sequence) = value, case let list = sequence.nodes, list.count <= 10_000 else {
                    return fail("'threads' needs a list of tags, such as [T1, T2]")
                }
                var tags: [String] = []
                for entry in list {
                    guard let tag = entry.scalar?.string, !tag.isEmpty else { return fail("'threads' holds a non-tag") }
                    tags.append(tag)
                }
                bars.threads = tags
            } else {
                return fail(
                    "unknown figure '\(key.shortened)'; the figures are: \(allKeys.joined(separator: ", "))")
            }
        }
        return .success(bars)
    }

    private static func wholeNumber(_ node: YAMLNode) -> Int? {
        guard let text = node.scalar?.string else { return nil }
        return try? WholeNumberText.parse(text, option: "", within: 0...100_000).get()
    }
}

/// A targets file that cannot be used, with the sentence to show.
package struct TargetsError: Error, Equatable, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
