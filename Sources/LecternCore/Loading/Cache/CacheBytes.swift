/// The primitive encoding of the deck cache: unsigned integers as LEB128 varints, signed ones
/// zigzagged first, strings as a length and their UTF-8 bytes, doubles as their 64 bits.
///
/// A cache file is untrusted input (another version, a disk error, a hostile hand), so the
/// reader checks the bounds on every read and throws instead of trapping.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    /// Every location repeats its file's path: each path is written once, then by number.
    private var fileNumbers: [String: Int] = [:]

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// A path: its number when written before, else the next number and the path itself.
    mutating func file(_ path: String) {
        if let number = fileNumbers[path] {
            count(number)
        } else {
            fileNumbers[path] = fileNumbers.count
            count(fileNumbers.count - 1)
            string(path)
        }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Why cached bytes were not used; never shown, the deck is parsed instead.
struct CacheFormatError: Error {
    let reason: String
}

/// Reads what `CacheWriter` wrote, checking every length against the bytes left.
struct CacheReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int
    private var files: [String] = []

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { offset == end }
    var remaining: Int { end - offset }

    mutating func byte() throws -> UInt8 {
        guard offset < end else { throw CacheFormatError(reason: "truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            if shift == 63, next > 1 { throw CacheFormatError(reason: "varint overflows 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
            if shift > 63 { throw CacheFormatError(reason: "varint too long") }
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things each at least one byte long, so it can never exceed the bytes left.
    mutating func count() throws -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(remaining) else { throw CacheFormatError(reason: "count past the end") }
        return Int(raw)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CacheFormatError(reason: "not a boolean")
        }
    }

    mutating func fixed64() throws -> UInt64 {
        guard remaining >= 8 else { throw CacheFormatError(reason: "truncated") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        let slice = bytes[offset..<(offset + length)]
        // Validating, not repairing: bytes that are not UTF-8 mean the file is not ours.
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw CacheFormatError(reason: "string is not UTF-8")
        }
        return text
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws -> [String] {
        let count = try self.count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func file() throws -> String {
        let number = try unsigned()
        if number < UInt64(files.count) { return files[Int(number)] }
        guard number == UInt64(files.count) else { throw CacheFormatError(reason: "file number out of order") }
        let path = try string()
        files.append(path)
        return path
    }
}
