/// The replay's JSON reader: the histories it reads are untrusted input, so it is strict
/// (RFC 8259), bounded in depth, and keeps numbers as written.
extension FSRSReplay {
    /// A minimal, strict JSON reader (RFC 8259) that keeps numbers as their
    /// source text, so integers can be told from `3.0` and echoed back as written.
    enum JSON: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSON])
        case object([(key: String, value: JSON)])

        struct SyntaxError: Error {}

        static func parse(_ text: String) throws(SyntaxError) -> JSON {
            try parse(Array(text.utf8))
        }

        static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSON {
            var reader = Reader(bytes: bytes)
            reader.skipWhitespace()
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            guard reader.index == bytes.count else { throw SyntaxError() }
            return value
        }

        static func == (lhs: JSON, rhs: JSON) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case (.bool(let a), .bool(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.string(let a), .string(let b)): a == b
            case (.array(let a), .array(let b)): a == b
            case (.object(let a), .object(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        /// The value of `key` in an object (the last one if repeated).
        subscript(key: String) -> JSON? {
            guard case .object(let members) = self else { return nil }
            return members.last(where: { $0.key == key })?.value
        }

        /// The value of a number written as an integer (no fraction or
        /// exponent) that fits in 64 bits.
        var integer: Int64? {
            guard case .number(let text) = self else { return nil }
            return Int64(text)
        }

        /// The value of any number.
        var double: Double? {
            guard case .number(let text) = self else { return nil }
            return Double(text)
        }

        /// Compact JSON text, spaced like Python's `json.dumps`; numbers as written.
        var rendered: String {
            switch self {
            case .null: "null"
            case .bool(let value): value ? "true" : "false"
            case .number(let text): text
            case .string(let text): JSONText.quoted(text)
            case .array(let items): "[" + items.map(\.rendered).joined(separator: ", ") + "]"
            case .object(let members):
                "{"
                    + members.map { JSONText.quoted($0.key) + ": " + $0.value.rendered }
                    .joined(separator: ", ") + "}"
            }
        }

        private struct Reader {
            let bytes: [UInt8]
            var index = 0

            private static let maximumDepth = 512

            mutating func skipWhitespace() {
                while index < bytes.count,
                    bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                        || bytes[index] == 0x0D
                {
                    index += 1
                }
            }

            private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

            mutating func value(depth: Int) throws(SyntaxError) -> JSON {
                guard depth < Self.maximumDepth, let byte = current else { throw SyntaxError() }
                switch byte {
                case UInt8(ascii: "{"): return try object(depth: depth)
                case UInt8(ascii: "["): return try array(depth: depth)
                case UInt8(ascii: "\""): return .string(try string())
                case UInt8(ascii: "t"): try word("true"); return .bool(true)
                case UInt8(ascii: "f"): try word("false"); return .bool(false)
                case UInt8(ascii: "n"): try word("null"); return .null
                default: return .number(try number())
                }
            }

            private mutating func word(_ text: String) throws(SyntaxError) {
                for expected in text.utf8 {
                    guard current == expected else { throw SyntaxError() }
                    index += 1
                }
            }

            private mutating func object(depth: Int) throws(SyntaxError) -> JSON {
                index += 1
                var members: [(key: String, value: JSON)] = []
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipWhitespace()
                    guard current == UInt8(ascii: "\"") else { throw SyntaxError() }
                    let key = try string()
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { throw SyntaxError() }
                    index += 1
                    skipWhitespace()
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    switch current {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "}"): index += 1; return .object(members)
                    default: throw SyntaxError()
                    }
                }
            }

            private mutating func array(depth: Int) throws(SyntaxError) -> JSON {
                index += 1
                var items: [JSON] = []
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    switch current {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "]"): index += 1; return .array(items)
                    default: throw SyntaxError()
                    }
                }
            }

            private mutating func digitRun() -> Int {
                let start = index
                while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
                return index - start
            }

            private mutating func number() throws(SyntaxError) -> String {
                let start = index
                if current == UInt8(ascii: "-") { index += 1 }
                if current == UInt8(ascii: "0") {
                    index += 1
                } else if digitRun() == 0 {
                    throw SyntaxError()
                }
                if current == UInt8(ascii: ".") {
                    index += 1
                    guard digitRun() > 0 else { throw SyntaxError() }
                }
                if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                    index += 1
                    if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                    guard digitRun() > 0 else { throw SyntaxError() }
                }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }

            private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
                guard index + 4 <= bytes.count else { throw SyntaxError() }
                var value: UInt32 = 0
                for byte in bytes[index..<(index + 4)] {
                    let digit: UInt8
                    switch byte {
                    case 0x30...0x39: digit = byte - 0x30
                    case 0x41...0x46: digit = byte - 0x41 + 10
                    case 0x61...0x66: digit = byte - 0x61 + 10
                    default: throw SyntaxError()
                    }
                    value = value * 16 + UInt32(digit)
                }
                index += 4
                return value
            }

            private mutating func string() throws(SyntaxError) -> String {
                index += 1
                var utf8: [UInt8] = []
                func append(_ scalarValue: UInt32) {
                    let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                    utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                while true {
                    guard let byte = current else { throw SyntaxError() }
                    index += 1
                    switch byte {
                    case UInt8(ascii: "\""):
                        return String(decoding: utf8, as: UTF8.self)
                    case UInt8(ascii: "\\"):
                        guard let escape = current else { throw SyntaxError() }
                        index += 1
                        switch escape {
                        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                            utf8.append(escape)
                        case UInt8(ascii: "b"): utf8.append(0x08)
                        case UInt8(ascii: "f"): utf8.append(0x0C)
                        case UInt8(ascii: "n"): utf8.append(0x0A)
                        case UInt8(ascii: "r"): utf8.append(0x0D)
                        case UInt8(ascii: "t"): utf8.append(0x09)
                        case UInt8(ascii: "u"):
                            let first = try hexQuad()
                            if (0xD800..<0xDC00).contains(first), index + 6 <= bytes.count,
                                bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                            {
                                let saved = index
                                index += 2
                                let second = try hexQuad()
                                if (0xDC00..<0xE000).contains(second) {
                                    append(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                                } else {
                                    index = saved
                                    append(first)
                                }
                            } else {
                                append(first)
                            }
                        default: throw SyntaxError()
                        }
                    case 0x00..<0x20:
                        throw SyntaxError()
                    default:
                        utf8.append(byte)
                    }
                }
            }
        }
    }
}
