import Foundation

/// A whole number typed as an option's value, read only when it is plain ASCII digits within
/// the option's range, so that `-5`, `1e3`, `99999999999999999999` or `٣` get a message that
/// names the option and the range instead of wrapping, trapping or being silently ignored.
package enum WholeNumberText {
    /// The number, or the sentence to show when it is not one in `range`.
    package static func parse<Number: FixedWidthInteger>(
        _ text: String, option: String, within range: ClosedRange<Number>
    ) -> Result<Number, NumberError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
        let plain = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        guard plain, let value = Number(digits), range.contains(value) else {
            return .failure(
                NumberError(
                    "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text.shortened)'"
                ))
        }
        return .success(value)
    }
}

/// A number option's value that is not allowed, with the message to show.
package struct NumberError: Error, Equatable, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
