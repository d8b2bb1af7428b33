// `date`, `time` and `date-time` (RFC 3339 §5.6).
//
//   full-date      = date-fullyear "-" date-month "-" date-mday
//   partial-time   = time-hour ":" time-minute ":" time-second [time-secfrac]
//   time-secfrac   = "." 1*DIGIT
//   time-numoffset = ("+" / "-") time-hour ":" time-minute
//   time-offset    = "Z" / time-numoffset
//   full-time      = partial-time time-offset
//   date-time      = full-date "T" full-time
//
// "T" and "Z" are case-insensitive (RFC 3339 §5.6 note).  DIGIT is ASCII only.
// Day-of-month is checked against the month and Gregorian leap years.  A leap
// second (second 60) is accepted only when the instant, converted to UTC with
// the given offset, is 23:59:60 — the rule the JSON Schema test suite uses; the
// date on which the leap second falls is not checked.

extension FormatChecker {
    enum DateTime {
        /// Two ASCII digits at `s[i]`, `s[i+1]` as a number, or `nil`.
        @inline(__always)
        static func twoDigits(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
            let a = s[i], b = s[i + 1]
            guard Bytes.isDigit(a), Bytes.isDigit(b) else { return nil }
            return Int(a - 0x30) * 10 + Int(b - 0x30)
        }

        static func isLeapYear(_ year: Int) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }

        static func daysInMonth(_ month: Int, year: Int) -> Int {
            switch month {
            case 2: return isLeapYear(year) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// `full-date` occupying exactly `s[i..<i+10]` (the caller checks bounds).
        static func isFullDate(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            guard let century = twoDigits(s, i), let yy = twoDigits(s, i + 2),
                  s[i + 4] == 0x2D, let month = twoDigits(s, i + 5),
                  s[i + 7] == 0x2D, let day = twoDigits(s, i + 8)
            else { return false }
            let year = century * 100 + yy
            return (1...12).contains(month) && day >= 1 && day <= daysInMonth(month, year: year)
        }

        /// `full-time` occupying exactly `s[i..<s.count]`.
        static func isFullTime(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
            let n = s.count
            var i = start
            // partial-time without fraction: HH:MM:SS
            guard n - i >= 9,  // at least "HH:MM:SSZ"
                  let hour = twoDigits(s, i), s[i + 2] == 0x3A,
                  let minute = twoDigits(s, i + 3), s[i + 5] == 0x3A,
                  let second = twoDigits(s, i + 6),
                  hour <= 23, minute <= 59, second <= 60
            else { return false }
            i += 8
            // time-secfrac
            if s[i] == 0x2E {
                i += 1
                let digitsStart = i
                while i < n, Bytes.isDigit(s[i]) { i += 1 }
                guard i > digitsStart, i < n else { return false }
            }
            // time-offset
            var offsetMinutes = 0
            switch s[i] {
            case 0x5A, 0x7A:  // Z z
                guard i + 1 == n else { return false }
            case 0x2B, 0x2D:  // + -
                guard n - i == 6,
                      let offsetHour = twoDigits(s, i + 1), s[i + 3] == 0x3A,
                      let offsetMinute = twoDigits(s, i + 4),
                      offsetHour <= 23, offsetMinute <= 59
                else { return false }
                offsetMinutes = (offsetHour * 60 + offsetMinute) * (s[i] == 0x2B ? 1 : -1)
            default:
                return false
            }
            if second == 60 {
                // local time = UTC + offset, so UTC = local - offset.
                let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
                return utc == 23 * 60 + 59
            }
            return true
        }

        /// RFC 3339 `full-date`, e.g. `2024-11-21`.
        static func isDate(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            s.count == 10 && isFullDate(s, at: 0)
        }

        /// RFC 3339 `full-time`, e.g. `08:30:06.25+01:00`.
        static func isTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            isFullTime(s, from: 0)
        }

        /// RFC 3339 `date-time`, e.g. `2021-09-01T07:00:00Z`.
        static func isDateTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            s.count >= 20 && isFullDate(s, at: 0) && (s[10] | 0x20) == 0x74 && isFullTime(s, from: 11)
        }
    }
}
