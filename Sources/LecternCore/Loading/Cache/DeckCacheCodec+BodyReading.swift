/// Item bodies read back by the tag byte `CacheWriter.body` wrote.
extension CacheReader {
    mutating func body(depth: Int) throws -> ItemBody {
        switch try byte() {
        case 0: return .choice(try options())
        case 1: return .multi(try options())
        case 2: return .truefalse(answer: try bool())
        case 3:
            var key = ShortAnswerKey(accept: try strings(), exact: try bool())
            key.weighted = try list { reader in try reader.weighted(try reader.string()) }
            return .short(key)
        case 4:
            var key = NumericAnswerKey(target: try target(), unit: try optionalString(), percent: try bool())
            key.weighted = try list { reader in try reader.weighted(try reader.target()) }
            key.otherwise = try optionalString()
            return .numeric(key)
        case 5:
            let segments = try list { (reader: inout CacheReader) throws -> Cloze.Segment in
                switch try reader.byte() {
                case 0: return .text(try reader.string())
                case 1: return .blank(try reader.strings())
                default: throw CacheFormatError(reason: "cloze segment")
                }
            }
            return .cloze(Cloze(segments: segments, exact: try bool()))
        case 6: return .order(try strings())
        case 7: return .match(try list { reader in MatchPair(left: try reader.string(), right: try reader.string()) })
        case 8: return .open(OpenAnswerKey(model: try string(), rubric: try strings()))
        case 9:
            return .roles(
                try list { reader in
                    let text = try reader.string()
                    guard let role = ArgumentRole(rawValue: try reader.string()) else {
                        throw CacheFormatError(reason: "role")
                    }
                    return RoleSentence(text: text, role: role)
                })
        case 10:
            let scenario = try string()
            return .walkthrough(
                Walkthrough(scenario: scenario, steps: try list { reader in try reader.item(depth: depth + 1) }))
        case 11: return .description
        default: throw CacheFormatError(reason: "item type")
        }
    }

    private mutating func list<Element>(_ element: (inout CacheReader) throws -> Element) throws -> [Element] {
        let count = try self.count()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    private mutating func options() throws -> [Option] {
        try list { reader in
            let text = try reader.string()
            let isCorrect = try reader.bool()
            let feedback = try reader.optionalString()
            let credit = try reader.bool() ? try reader.double() : nil
            return Option(
                text: text, isCorrect: isCorrect, feedback: feedback, next: try reader.optionalString(),
                location: try reader.location(), nextLocation: try reader.optionalLocation(), credit: credit)
        }
    }

    private mutating func weighted<Value: Sendable & Equatable>(_ value: Value) throws -> WeightedAnswer<Value> {
        WeightedAnswer(value, credit: try double(), feedback: try optionalString(), location: try optionalLocation())
    }

    private mutating func target() throws -> NumericAnswerKey.Target {
        switch try byte() {
        case 0: return .value(try double(), tolerance: try double())
        case 1: return .range(try double(), try double())
        default: throw CacheFormatError(reason: "numeric target")
        }
    }
}
