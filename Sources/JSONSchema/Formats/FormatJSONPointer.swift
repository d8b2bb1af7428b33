// `json-pointer` (RFC 6901 §3) and `relative-json-pointer`
// (draft-handrews-relative-json-pointer-01 §3, the version draft-07 cites).
//
//   json-pointer    = *( "/" reference-token )
//   reference-token = *( unescaped / escaped )
//   escaped         = "~" ( "0" / "1" )
//   unescaped       = any character except "/" and "~"
//
//   relative-json-pointer = non-negative-integer ( "#" / json-pointer )
//   non-negative-integer  = "0" / %x31-39 *DIGIT
//
// A JSON Pointer is the plain string form, not the URI fragment form ("#/a").

extension FormatChecker {
    enum JSONPointer {
        /// `json-pointer` over `s[start...]`.
        static func isJSONPointer(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
            let n = s.count
            guard start < n else { return true }
            guard s[start] == 0x2F else { return false }
            var i = start + 1
            while i < n {
                if s[i] == 0x7E {
                    guard i + 1 < n, s[i + 1] == 0x30 || s[i + 1] == 0x31 else { return false }
                    i += 2
                } else {
                    i += 1
                }
            }
            return true
        }

        static func isRelativeJSONPointer(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = s.count
            var i = 0
            while i < n, Bytes.isDigit(s[i]) { i += 1 }
            guard i > 0, i == 1 || s[0] != 0x30 else { return false }
            if i < n, s[i] == 0x23 { return i + 1 == n }
            return isJSONPointer(s, i)
        }
    }
}
