import Foundation

/// The content rules that need a built deck: ids, answer keys, counts, paragraphs and
/// walkthrough flow. Each finding carries a stable rule id and says what to change.
package enum DeckLinter {
    static func lint(_ deck: Deck) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if deck.formatVersion != 1 {
            findings.append(
                .error(
                    "unsupported-version", at: deck.location(of: "lectern"),
                    "format version \(deck.formatVersion) is not supported; this Lectern reads 'lectern: 1'"))
        }
        if !deck.id.isEmpty {
            if let finding = kebabFinding(deck.id, noun: "deck id", at: deck.location(of: "id")) {
                findings.append(finding)
            } else if let fileID = fileStem(deck.path), fileID != deck.id {
                findings.append(
                    .error(
                        "id-not-filename", at: deck.location(of: "id"),
                        "deck id '\(deck.id)' does not match the file name '\(fileID).yaml'; rename one of them so they agree"
                    ))
            }
        }
        if deck.language.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) == nil {
            findings.append(
                .error(
                    "bad-language", at: deck.location(of: "language"),
                    "language '\(deck.language.shortened)' is not a BCP 47 tag; write one such as 'en', 'zh' or 'zh-Hans'"
                ))
        }
        let passages = Set(deck.source?.passages.map(\.number) ?? [])
        findings += duplicateIDs(deck.items, noun: "item id", scope: "the deck")
        for item in deck.items {
            findings += lint(item, isStep: false, passages: passages, hasSource: deck.source != nil)
        }
        return findings
    }

    private static func fileStem(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".yaml") else { return nil }
        return String(name.dropLast(5))
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, checked byte by byte: it runs for every id of a deck.
    package static func isKebab(_ id: String) -> Bool {
        var previousWasHyphen = true  // no leading hyphen
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    private static func kebabFinding(_ id: String, noun: String, at location: SourceLocation) -> Diagnostic? {
        guard !isKebab(id) else { return nil }
        let words = id.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        let example = words.isEmpty ? "" : ", like '\(words.joined(separator: "-"))'"
        return .error(
            "id-not-kebab", at: location,
            "\(noun) '\(id)' is not kebab-case; use lowercase letters, digits and single hyphens\(example)")
    }

    static func duplicateIDs(_ items: [Item], noun: String, scope: String) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var findings: [Diagnostic] = []
        for item in items where !item.id.isEmpty {
            if let line = firstLine[item.id] {
                findings.append(
                    .error(
                        "duplicate-id", at: item.location(of: "id"),
                        "\(noun) '\(item.id)' is already used in \(scope) (line \(line)); give each its own id"))
            } else {
                firstLine[item.id] = item.location(of: "id").line
            }
        }
        return findings
    }

    static func lint(_ item: Item, isStep: Bool, passages: Set<Int>, hasSource: Bool) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let noun = isStep ? "step" : "item"
        let name = "\(item.kind.rawValue) \(noun) '\(item.id)'"
        if !item.id.isEmpty, let finding = kebabFinding(item.id, noun: "\(noun) id", at: item.location(of: "id")) {
            findings.append(finding)
        }
        if item.prompt.isBlank && item.fieldLocations["prompt"] != nil {
            findings.append(
                .error(
                    "empty-prompt", at: item.location(of: "prompt"),
                    "\(name) has an empty prompt; write what the learner is asked"))
        }
        if !isStep && item.isQuestion && item.explain == nil {
            findings.append(
                .warning(
                    "missing-explain", at: item.location,
                    "\(name) has no 'explain'; say why the answer is right and name the paragraph it relies on"))
        }
        var reported = Set<Int>()
        for paragraph in item.source where !passages.contains(paragraph) && reported.insert(paragraph).inserted {
            let fix = hasSource ? "add it there or fix the number" : "add a 'source' map with 'passages' to the deck"
            findings.append(
                .error(
                    "source-unknown-paragraph", at: item.location(of: "source"),
                    "\(name) cites paragraph \(paragraph), which is not in source.passages; \(fix)"))
        }
        findings += lintBody(item, name: name, passages: passages, hasSource: hasSource)
        return findings
    }
}
