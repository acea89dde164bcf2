import Foundation
/// Confidence given on the answer's own line: `b | 3`, `c d a e b |4`.
///
/// An answers file must have exactly one line per answer, so an item that asks "how sure
/// are you?" cannot take the level on a line of its own without every later line shifting.
/// The bar is not part of any answer form (letters, words, numbers, pairs), so a trailing
/// `| N` with N from 1 to 4 is read as the confidence and removed from the answer.
enum ConfidenceSuffix {
    static func split(_ line: String) -> (answer: String, confidence: Int?) {
        guard let bar = line.lastIndex(of: "|") else { return (line, nil) }
        let level = line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces)
        guard let value = Int(level), (1...4).contains(value) else { return (line, nil) }
        let answer = line[..<bar].trimmingCharacters(in: .whitespaces)
        guard !answer.isEmpty else { return (line, nil) }
        return (answer, value)
    }
}
