/// The replay's own calendar: RFC 3339 text to and from whole microseconds since 1970, with
/// the proleptic Gregorian day arithmetic done on integers, so a replayed history reads and
/// prints times exactly as the Python reference does on every platform and in every locale.
extension FSRSReplay {
    /// RFC 3339 timestamps as whole microseconds since 1970, UTC.
    enum Timestamp {
        /// 0001-01-01T00:00:00Z.
        static let earliest: Int64 = -62_135_596_800 * Microseconds.perSecond
        /// 9999-12-31T23:59:59.999999Z.
        static let latest: Int64 = 253_402_300_800 * Microseconds.perSecond - 1

        /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HH:MM)`; nil when malformed,
        /// out of range, or outside years 1–9999 once converted to UTC.
        static func parse(_ text: String) -> Int64? {
            let chars = Array(text.utf8)
            var index = 0
            func digits(_ count: Int) -> Int64? {
                guard index + count <= chars.count else { return nil }
                var value: Int64 = 0
                for byte in chars[index..<(index + count)] {
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int64(byte - 0x30)
                }
                index += count
                return value
            }
            func literal(_ expected: Character) -> Bool {
                guard index < chars.count, chars[index] == expected.asciiValue else { return false }
                index += 1
                return true
            }
            guard let year = digits(4), literal("-"), let month = digits(2), literal("-"),
                let day = digits(2), literal("T"), let hour = digits(2), literal(":"),
                let minute = digits(2), literal(":"), let second = digits(2)
            else { return nil }
            var fraction: Int64 = 0
            if literal(".") {
                var count = 0
                while index < chars.count, chars[index] >= 0x30, chars[index] <= 0x39, count < 7 {
                    fraction = fraction * 10 + Int64(chars[index] - 0x30)
                    index += 1
                    count += 1
                }
                guard (1...6).contains(count) else { return nil }
                for _ in count..<6 { fraction *= 10 }
            }
            var offsetSeconds: Int64 = 0
            if index < chars.count, chars[index] == 0x2B || chars[index] == 0x2D {
                let sign: Int64 = chars[index] == 0x2B ? 1 : -1
                index += 1
                guard let offsetHour = digits(2), literal(":"), let offsetMinute = digits(2),
                    offsetHour < 24, offsetMinute < 60
                else { return nil }
                offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            } else if !literal("Z") {
                return nil
            }
            guard index == chars.count, year >= 1, (1...12).contains(month),
                day >= 1, day <= daysIn(month: month, year: year),
                hour < 24, minute < 60, second < 60
            else { return nil }
            let days = daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            let micros = seconds * Microseconds.perSecond + fraction
            guard micros >= earliest, micros <= latest else { return nil }
            return micros
        }

        /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, fraction only when not zero.
        static func format(_ micros: Int64) -> String {
            let seconds = Microseconds.floorDivide(micros, Microseconds.perSecond)
            let fraction = micros - seconds * Microseconds.perSecond
            let days = Microseconds.floorDivide(seconds, 86_400)
            let secondOfDay = seconds - days * 86_400
            let (year, month, day) = civilFromDays(days)
            var text =
                padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
                + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":"
                + padded(secondOfDay % 60, 2)
            if fraction != 0 {
                text += "." + padded(fraction, 6)
            }
            return text + "Z"
        }

        private static func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        private static func daysIn(month: Int64, year: Int64) -> Int64 {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date.
        static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = Microseconds.floorDivide(shiftedYear, 400)
            let yearOfEra = shiftedYear - era * 400
            let shiftedMonth = (month + 9) % 12
            let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// Proleptic Gregorian date of a day count since 1970-01-01.
        static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
            let shifted = days + 719_468
            let era = Microseconds.floorDivide(shifted, 146_097)
            let dayOfEra = shifted - era * 146_097
            let yearOfEra =
                (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}
