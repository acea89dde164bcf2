/// Splits a shell line into words the way a user expects: spaces separate, quotes group,
/// a backslash escapes the next character.
package enum CommandLineSplitter {
    package enum SplitError: Error, Equatable, CustomStringConvertible {
        case unclosedQuote(Character)

        package var description: String {
            switch self {
            case .unclosedQuote(let quote): "unclosed \(quote) quote; close it or escape it with a backslash"
            }
        }
    }

    package static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in line {
            if escaping {
                current.append(character)
                escaping = false
                inWord = true
            } else if character == "\\" && quote != "'" {
                escaping = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw .unclosedQuote(quote) }
        if escaping { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
