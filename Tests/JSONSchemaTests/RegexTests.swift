import XCTest
import Dispatch
@testable import JSONSchema

final class RegexTests: XCTestCase {

    // MARK: Helpers

    private func match(_ pattern: String, _ input: String, file: StaticString = #filePath, line: UInt = #line) -> Bool? {
        do {
            let re = try ECMARegex(pattern)
            return try re.matches(input)
        } catch {
            XCTFail("/\(pattern)/ on \(input.debugDescription): unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    private func yes(_ pattern: String, _ inputs: String..., file: StaticString = #filePath, line: UInt = #line) {
        for input in inputs {
            XCTAssertEqual(match(pattern, input, file: file, line: line), true,
                           "/\(pattern)/ should match \(input.debugDescription)", file: file, line: line)
        }
    }

    private func no(_ pattern: String, _ inputs: String..., file: StaticString = #filePath, line: UInt = #line) {
        for input in inputs {
            XCTAssertEqual(match(pattern, input, file: file, line: line), false,
                           "/\(pattern)/ should not match \(input.debugDescription)", file: file, line: line)
        }
    }

    private func invalid(_ patterns: String..., file: StaticString = #filePath, line: UInt = #line) {
        for p in patterns {
            do {
                _ = try ECMARegex(p)
                XCTFail("/\(p)/ should be rejected", file: file, line: line)
            } catch {
                guard case .syntax = error else {
                    XCTFail("/\(p)/: wrong error \(error)", file: file, line: line)
                    continue
                }
            }
        }
    }

    private func valid(_ patterns: String..., file: StaticString = #filePath, line: UInt = #line) {
        for p in patterns {
            do { _ = try ECMARegex(p) } catch {
                XCTFail("/\(p)/ should compile: \(error)", file: file, line: line)
            }
        }
    }

    // MARK: Syntax

    func testSyntaxErrors() {
        invalid("^(abc]", "\\", "a\\", "a{2,1}", "(?<", "(?<a", "(?<a>", "*", "+", "?", "a**", "a|*", "(*)",
                "(?", "(?x)", "(?i)abc", "[z-a]", "[", "[a", "[\\", "(", "(a", "a)", ")", "(?:a", "(?=a",
                "^*", "$+", "\\b*", "\\B{2}", "(?<=a)*", "(?<!a)+", "{2}", "a|{1,3}", "x{3}{2}", "x*?+",
                "(?<1a>x)", "(?<>x)", "(?<a>x)(?<a>y)", "(?<a>x)\\k<b>", "(?<a>x)\\k", "(?<a>x)\\k<a",
                "\\p{NotAProperty}", "\\p{L", "[\\d-\\p{Foo}]", "a{3,2}?", "[\\p{L}-z]", "[a-\\P{L}]",
                "(?<a>x)[\\k]", "a{1}??", "(?<a-b>x)", "(?P<a>x)", "(?-i:a)")
    }

    func testSyntaxErrorOffsets() {
        XCTAssertThrowsError(try ECMARegex("abc[z-a]")) { error in
            XCTAssertEqual(error as? ECMARegexError, .syntax(message: "range out of order in character class", offset: 4))
        }
        XCTAssertThrowsError(try ECMARegex("ab(cd")) { error in
            guard case .syntax(_, let offset)? = error as? ECMARegexError else { return XCTFail("\(error)") }
            XCTAssertEqual(offset, 2)
        }
        XCTAssertThrowsError(try ECMARegex("🐲)")) { error in
            guard case .syntax(_, let offset)? = error as? ECMARegexError else { return XCTFail("\(error)") }
            XCTAssertEqual(offset, 1)
        }
        let e = ECMARegexError.syntax(message: "x", offset: 3)
        XCTAssertTrue(e.description.contains("offset 3"))
    }

    func testValidSyntax() {
        valid("", "a", "a|", "|", "()", "(?:)", "a{", "a{1", "a{1,", "a{,5}", "x{a}", "}", "]", "a]b", "{",
              "a{2}", "a{2,}", "a{2,5}", "a{2,5}?", "(?=a)*", "(?!a)?", "(?=a){2}", "\\c", "\\c1", "[\\c1]",
              "\\8", "\\9", "\\1", "(a)\\2", "\\k", "\\k<a>", "(?<$x_1>a)\\k<$x_1>", "(?<é>a)", "\\q", "\\/",
              "[\\b]", "[\\d-z]", "[a-\\d]", "[-a]", "[a-]", "[]", "[^]", "\\u{1F432}", "\\u{", "\\u12",
              "\\x4", "\\p", "\\P", "\\p{L}", "\\P{Lu}", "\\p{General_Category=Letter}", "\\p{gc=Nd}",
              "\\p{Alphabetic}", "\\p{White_Space}", "\\p{ASCII}", "\\p{Any}", "a{99999999999}?", "[\\]]",
              "[[]", "\\[", "\\]", "\\{", "\\}", "\\(", "\\)", "\\|", "\\^", "\\$", "\\.", "\\*", "\\+", "\\?",
              "([abc])+\\s+$")
    }

    func testHugeRepetitionCounts() {
        // Too large to expand: compiled as counted loops for the backtracker.
        no("^a{1000000}$", "aaa", String(repeating: "a", count: 100_000))
        yes("^\\d{1,200000}$", "12345")
        no("^\\d{1,200000}$", "12a45", "")
        no("(a{1000}){1000}", "aaa")
        yes("x|a{99999999999}", "x")
        no("a{99999999999}?", "aaaa")
        yes("^(?:ab|c){2,100000}$", "abcab", "cc")
        no("^(?:ab|c){2,100000}$", "c", "abca")
        yes("^(?:a|b){3,}?c{2,300000}$", "abacc")
        yes("^(?:x*){100000}y$", "xxy", "y")
        yes("^(a){2,100000}\\1$", "aaa")
        // A body that compiles to nothing does not expand.
        yes("(?:){1000000000}", "")
        yes("^(?:){1000000000}$", "")
        yes("x{0}", "")
        yes("^ax{0}b$", "ab")
    }

    // MARK: Basic matching

    func testLiteralsAndSearch() {
        yes("a+", "xxaayy")
        yes("abc", "abc", "xabcx", "ababc")
        no("abc", "ab", "acb", "")
        yes("", "", "x")
        yes("^abc", "abcd")
        no("^abc", "xabc")
        yes("abc$", "xxabc")
        no("abc$", "abcx", "abc\n")
        yes("^abc$", "abc")
        no("^abc$", "abc\n", "abcabc", "xabc")
        yes("^$", "")
        no("^$", "a")
        yes("^", "anything")
        yes("$", "anything")
        yes("é", "café")
        yes("^🐲🐉$", "🐲🐉")
        no("^🐲🐉$", "🐲")
    }

    func testAlternationAndGroups() {
        yes("^(a|bc|d)$", "a", "bc", "d")
        no("^(a|bc|d)$", "b", "abc", "")
        yes("^(?:ab)+$", "ab", "abab")
        no("^(?:ab)+$", "aba", "")
        yes("^(?<year>\\d{4})-(?<month>\\d{2})$", "2024-01")
        no("^(?<year>\\d{4})-(?<month>\\d{2})$", "24-01")
        yes("a|", "zzz")
        yes("^(|a)$", "", "a")
        yes("^a(b|c|)d$", "abd", "acd", "ad")
        no("^a(b|c|)d$", "abcd")
    }

    func testQuantifiers() {
        yes("^a*$", "", "a", "aaa")
        no("^a*$", "abc", "b")
        yes("^a+$", "a", "aaaa")
        no("^a+$", "")
        yes("^ab?c$", "ac", "abc")
        no("^ab?c$", "abbc")
        yes("^a{3}$", "aaa")
        no("^a{3}$", "aa", "aaaa")
        yes("^a{2,}$", "aa", "aaaaaaa")
        no("^a{2,}$", "a")
        yes("^a{2,4}$", "aa", "aaa", "aaaa")
        no("^a{2,4}$", "a", "aaaaa")
        yes("^a{0,2}$", "", "a", "aa")
        no("^a{0,2}$", "aaa")
        yes("^a*?$", "aaa")
        yes("^a+?b$", "aaab")
        yes("^a??b$", "ab", "b")
        yes("^a{2,3}?$", "aa", "aaa")
        no("^a{2,3}?$", "aaaa")
        yes("^(ab){2}$", "abab")
        no("^(ab){2}$", "ab", "ababab")
        yes("^(a|b){2,3}c$", "abc", "bbac")
        no("^(a|b){2,3}c$", "ac", "ababc")
        yes("^x(a*)*y$", "xy", "xaaay")
        yes("^(a*)+$", "", "aaa")
        yes("^(?:a?)*b$", "b", "aab")
        // Braces that are not quantifiers are literals (Annex B).
        yes("^a{$", "a{")
        yes("^a{1$", "a{1")
        yes("^a{,5}$", "a{,5}")
        yes("^x{a}$", "x{a}")
        yes("^}$", "}")
        yes("^]$", "]")
        yes("^a{1,$", "a{1,")
    }

    func testAnchorsNoMultiline() {
        no("^b", "a\nb")
        no("a$", "a\nb")
        yes("^a\\nb$", "a\nb")
        yes("a$|^b", "xa")
        yes("(^a|b$)", "ab")
        no("x^a", "x^a", "xa")
        no("a$b", "ab")
    }

    func testDot() {
        yes("^.$", "a", "é", "🐲", " ", "\t", "\u{0}", "\u{85}")
        no("^.$", "\n", "\r", "\u{2028}", "\u{2029}", "", "ab")
        yes("^.{2}$", "🐲🐲", "aé")
        no("^.{2}$", "🐲")
    }

    func testWordBoundaries() {
        yes("\\bfoo\\b", "foo", "a foo b", "(foo)")
        no("\\bfoo\\b", "afoo", "foob", "foo_")
        yes("\\Bfoo", "afoo")
        no("\\Bfoo", "foo", " foo")
        no("^\\b$", "")
        yes("^\\B$", "")
        // Non-ASCII letters are not word characters.
        yes("\\bfoo", "éfoo")
        no("é\\b", "é")
        yes("a\\b", "aé")
        yes("\\b", "a")
        no("\\b", "", " ", "é")
        yes("^\\w+\\b.*$", "hello world")
    }

    // MARK: Classes

    func testCharacterClasses() {
        yes("^[abc]+$", "abcba")
        no("^[abc]+$", "abd")
        yes("^[^abc]$", "d", "é", "🐲", "\n")
        no("^[^abc]$", "a", "")
        yes("^[a-z0-9_-]+$", "abc-9_")
        no("^[a-z0-9_-]+$", "ABC")
        yes("^[-a]$", "-", "a")
        yes("^[a-]$", "-", "a")
        yes("^[\\d-z]$", "5", "-", "z")
        no("^[\\d-z]$", "a")
        yes("^[\\]]$", "]")
        yes("^[[]$", "[")
        yes("^[\\b]$", "\u{8}")
        yes("^[\\-]$", "-")
        yes("^[.]$", ".")
        no("^[.]$", "a")
        no("^[]$", "a", "")
        no("[]", "abc")
        yes("^[^]$", "a", "\n", "🐲")
        yes("^[\\w.]+$", "a.b_1")
        yes("^[\\s]+$", " \t\u{a0}")
        yes("^[\\S]+$", "ab")
        yes("^[^\\d]$", "a", "߀")
        no("^[^\\d]$", "5")
        yes("^[\\D\\d]$", "5", "a")
        yes("^[🐲-🐵]$", "🐲", "🐳", "🐵")
        no("^[🐲-🐵]$", "🐉", "🐶")
        yes("^[\\u0041-\\u005A]+$", "ABC")
        yes("^[\\x41-\\x43]+$", "ABC")
        no("^[\\x41-\\x43]+$", "ABD")
        yes("^[\\cA]$", "\u{1}")
        yes("^[\\c1]$", "\u{11}")
        yes("^[\\c]+$", "\\c")
        yes("^[\\q]$", "q")
        yes("^[\\0]$", "\u{0}")
        yes("^[\\101]$", "A")
        yes("^[\\8]$", "8")
        yes("^[a-zA-Z0-9\\. _-]*$", "Hello World. 12_3-", "")
        no("^[a-zA-Z0-9\\. _-]*$", "Hello!", "é")
    }

    func testClassEscapes() {
        yes("^\\d+$", "0123456789")
        no("^\\d$", "߀", "٣", "a", "")
        yes("^\\D$", "߀", "a")
        no("^\\D$", "0")
        yes("^\\w+$", "azAZ09_")
        no("^\\w$", "é", "-", "ß")
        yes("^\\W$", "é", "-")
        no("^\\W$", "a", "_")
        let ecmaSpaces = ["\t", "\n", "\u{B}", "\u{C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
                          "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"]
        for s in ecmaSpaces {
            yes("^\\s$", s)
            no("^\\S$", s)
        }
        for s in ["\u{1}", "\u{2013}", "\u{180E}", "\u{200B}", "a", "\u{85}"] {
            no("^\\s$", s)
            yes("^\\S$", s)
        }
    }

    func testUnicodeProperties() {
        yes("\\p{Letter}cole", "l'école", "l'ecole")
        no("\\p{Letter}cole", "L'ÉCOLE")
        yes("^\\p{L}+$", "héllo", "Ωμέγα", "日本語")
        no("^\\p{L}+$", "a1")
        yes("^\\p{digit}+$", "42", "৪২")
        no("^\\p{digit}+$", "-%#")
        yes("^\\p{Nd}$", "߀")
        yes("^\\P{L}$", "1", "🐲")
        no("^\\P{L}$", "a", "é")
        yes("^\\p{Lu}\\p{Ll}+$", "Élan")
        no("^\\p{Lu}\\p{Ll}+$", "élan")
        yes("^[\\p{L}\\d]+$", "abc123é")
        no("^[\\p{L}\\d]+$", "abc-")
        yes("^[^\\p{L}]+$", "123-")
        no("^[^\\p{L}]+$", "1a")
        yes("^\\p{gc=Nd}$", "٣")
        yes("^\\p{General_Category=Decimal_Number}$", "5")
        yes("^\\p{Alphabetic}$", "é")
        yes("^\\p{White_Space}$", "\u{85}")
        yes("^\\p{Emoji}$", "🐲")
        yes("^\\p{Any}$", "🐲")
        yes("^\\p{ASCII}+$", "abc")
        no("^\\p{ASCII}$", "é")
        yes("^\\p{Cn}$", "\u{40000}", "\u{DFFFF}")
        no("^\\p{Cn}$", "a")
        // \p without braces is an identity escape (Annex B).
        yes("^\\p$", "p")
    }

    /// `RXUnicodeProperty` assumes planes 4-13 are unassigned; verify with the stdlib tables.
    func testUnassignedPlanesAssumption() {
        for v in stride(from: UInt32(0x40000), to: 0xE0000, by: 1) {
            let cat = Unicode.Scalar(v)!.properties.generalCategory
            if cat != .unassigned {
                XCTFail("U+\(String(v, radix: 16)) is assigned")
                return
            }
        }
    }

    // MARK: Escapes

    func testCharacterEscapes() {
        yes("^\\t$", "\t")
        no("^\\t$", "\\t")
        yes("^\\n\\r\\v\\f$", "\n\r\u{B}\u{C}")
        yes("^\\0$", "\u{0}")
        yes("^\\cC$", "\u{3}")
        yes("^\\cc$", "\u{3}")
        no("^\\cC$", "\\cC")
        yes("^\\cJ$", "\n")
        yes("^\\c$", "\\c")
        yes("^\\c1$", "\\c1")
        yes("^\\x41\\x7a$", "Az")
        yes("^\\x4$", "x4")
        yes("^\\u0041$", "A")
        yes("^\\u00e9$", "é")
        yes("^\\u12$", "u12")
        yes("^\\uD83D\\uDC32$", "🐲")
        yes("^\\uD83D\\uDC32+$", "🐲🐲")
        no("^\\uD83D\\uDC32$", "🐉")
        yes("^\\u{1F432}$", "🐲")
        yes("^\\u{41}\\u{000042}$", "AB")
        yes("^\\u{$", "u{")
        // Not a code point escape: "u" then a quantifier (Annex B).
        yes("^\\u{3,}$", "uuu")
        no("^\\u{110000}$", "u")
        yes("^\\/\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\$", "/.*+?()[]{}|^$\\")
        yes("^\\q\\e\\z$", "qez")
        yes("^\\-$", "-")
    }

    func testLegacyOctalAndDecimalEscapes() {
        yes("^\\1$", "\u{1}")  // no groups: octal
        yes("^\\101$", "A")
        yes("^\\8$", "8")
        yes("^\\18$", "\u{1}8")
        yes("^\\08$", "\u{0}8")
        yes("^\\377$", "\u{FF}")
        yes("^\\400$", "\u{20}0")
        yes("^(a)\\2$", "a\u{2}")  // only one group: octal
    }

    // MARK: Backreferences

    func testBackreferences() {
        yes("^(a+)b\\1$", "aabaa", "aba")
        no("^(a+)b\\1$", "aaba", "abaa")
        yes("^(\\w+) \\1$", "hello hello")
        no("^(\\w+) \\1$", "hello world")
        yes("^(?<q>['\"]).*\\k<q>$", "'abc'", "\"x\"")
        no("^(?<q>['\"]).*\\k<q>$", "'abc\"")
        // Forward and unset references match empty.
        yes("^\\1(a)$", "a")
        yes("^(a)|\\1b$", "b")
        yes("^(?:(a)|b)\\1$", "aa", "b")
        no("^(?:(a)|b)\\1$", "ba")
        // Captures reset at each iteration.
        yes("^(?:(a)|b)+\\1$", "ab", "abb")
        no("^(?:(a)|b)+\\1$", "aba")
        yes("^(?:(a)|b)+\\1$", "aa", "aba" + "a")
        yes("^(🐲)\\1$", "🐲🐲")
        no("^(🐲)\\1$", "🐲🐉")
        yes("(.)\\1", "abccd")
        no("(.)\\1", "abcd")
        yes("^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10$", "abcdefghijj")
        no("^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10$", "abcdefghija0")
        yes("^(?<n>x)\\k<n>\\1$", "xxx")
    }

    // MARK: Lookaround

    func testLookahead() {
        yes("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123")
        no("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", "123456", "a1")
        yes("^(?!.*\\.\\.)[a-z.]+$", "a.b.c")
        no("^(?!.*\\.\\.)[a-z.]+$", "a..b")
        yes("foo(?=bar)", "foobar")
        no("foo(?=bar)", "foobaz")
        yes("foo(?!bar)", "foobaz", "foo")
        no("foo(?!bar)", "foobar")
        // Captures from a positive lookahead are visible afterwards.
        yes("^(?=(a+))\\1b$", "aab")
        // Lookahead is atomic: no backtracking into it.
        no("^(?=(a+))a*b\\1$", "aaab")
        yes("^(?=(a+?))\\1a*b$", "aab")
        // Captures from a negative lookahead are undefined afterwards.
        yes("^(?!(a)b)\\1ac$", "ac")
        // Quantified lookahead (Annex B).
        yes("^(?=a)*a$", "a")
        yes("^(?=b)?a$", "a")
    }

    func testLookbehind() {
        yes("(?<=\\$)\\d+", "cost: $42")
        no("(?<=\\$)\\d+", "cost: 42")
        yes("(?<!\\$)\\b\\d+", "cost: 42")
        no("(?<!\\$)\\b\\d+", "cost: $42")
        yes("^.*(?<=abc)$", "xxabc")
        no("^.*(?<=abc)$", "xxab")
        yes("(?<=🐲)x", "🐲x")
        no("(?<=🐲)x", "🐉x")
        yes("(?<=^a+)b", "aaab")
        no("(?<=^a+)b", "caab")
        // Backreferences inside lookbehind are matched right to left.
        yes("(?<=(\\d)\\1)x", "11x")
        yes("(?<=(\\d)\\1)x", "12x")  // \1 is evaluated first (right to left): empty
        yes("(?<=\\1(\\d))x", "11x")
        no("(?<=\\1(\\d))x", "12x")
        yes("(?<=\\1(a))b", "aab")
        // Lookahead inside lookbehind.
        yes("(?<=a(?=b)b)c", "abc")
        no("(?<=a(?!b)b)c", "abc")
        // Greedy capture in lookbehind, right to left: (\d+) takes all digits.
        yes("^(?:.*)(?<=(\\d+))\\.\\1$", "123.123")
        no("^(?:.*)(?<=x(\\d+))\\.\\1$", "x123.12")
    }

    // MARK: Unicode input

    func testNonBMP() {
        let p = "^🐲*$"
        yes(p, "", "🐲", "🐲🐲")
        no(p, "🐉", "🐉🐉", "D", "DD")
        yes("^[🐲]$", "🐲")
        no("^[🐲]$", "🐉")
        yes("^.$", "🐲")
        yes("^[^a]$", "🐲")
        yes("^🐲{2}$", "🐲🐲")
        no("^🐲{2}$", "🐲")
        yes("^(?:🐲|🐉)+$", "🐉🐲🐉")
        yes("^\\P{L}🐲$", "🐉🐲")
    }

    // MARK: Hostile patterns (must finish; answers checked)

    func testCatastrophicPatternsAreLinear() throws {
        let many = String(repeating: "a", count: 5_000)
        XCTAssertEqual(try ECMARegex("^(a+)+$").matches(String(repeating: "a", count: 34) + "!"), false)
        XCTAssertEqual(try ECMARegex("^(a+)+$").matches(many + "!"), false)
        XCTAssertEqual(try ECMARegex("^(a+)+$").matches(many), true)
        XCTAssertEqual(try ECMARegex("(a|aa)+$").matches(many + "!"), false)
        XCTAssertEqual(try ECMARegex("(a|aa)+$").matches(many), true)
        XCTAssertEqual(try ECMARegex("(.*a){20}").matches(String(repeating: "a", count: 19)), false)
        XCTAssertEqual(try ECMARegex("(.*a){20}").matches(String(repeating: "a", count: 20)), true)
        XCTAssertEqual(try ECMARegex("(.*a){20}").matches(String(repeating: "b", count: 20_000) + "a"), false)
        XCTAssertEqual(try ECMARegex("(.*a){20}").matches(many), true)
        XCTAssertEqual(try ECMARegex("^(a|a?)+$").matches(many + "b"), false)
        XCTAssertEqual(try ECMARegex("^(\\w+\\s?)*$").matches(String(repeating: "word ", count: 500) + "!"), false)
        XCTAssertEqual(try ECMARegex("(x+x+)+y").matches(String(repeating: "x", count: 5_000)), false)
        XCTAssertEqual(try ECMARegex("^([a-z]*)*[0-9]{3}$").matches(String(repeating: "abc", count: 2_000)), false)
        // DFA state explosion falls back to the NFA simulation.
        XCTAssertEqual(try ECMARegex("(a|b)*a(a|b){15}c").matches(String(repeating: "ba", count: 3_000) + "c"), false)
        XCTAssertEqual(try ECMARegex("(a|b)*a(a|b){15}c").matches(String(repeating: "ab", count: 3_000) + "c"), true)
        XCTAssertEqual(try ECMARegex("(a|b)*a(a|b){15}c").matches("a" + String(repeating: "b", count: 15) + "c"), true)
        XCTAssertEqual(try ECMARegex("^(a|b)*a(a|b){15}$").matches(String(repeating: "ba", count: 3_000) + String(repeating: "b", count: 15)), true)
    }

    func testSearchSimplificationKeepsAnswers() throws {
        let long = String(repeating: "abc def ", count: 2_000)
        XCTAssertEqual(try ECMARegex(".{0,5000}x").matches(long), false)
        XCTAssertEqual(try ECMARegex(".{0,5000}x").matches(long + "x"), true)
        XCTAssertEqual(try ECMARegex("[\\s\\S]{0,10000}z$").matches(long), false)
        XCTAssertEqual(try ECMARegex("a.{0,300}x").matches(long), false)
        XCTAssertEqual(try ECMARegex("a.{0,300}x").matches(long + "x"), true)
        XCTAssertEqual(try ECMARegex("a.{0,3}x").matches(long + "x"), false)
        yes("foo\\d+", "foo1", "xfoo12")
        no("foo\\d+", "foo", "foo x")
        yes("a{2,5}", "aa", "baaaaaaab")
        no("a{2,5}", "a", "aba")
        yes("x*", "", "y")
        yes("(?:a|b)*c(?:d|e){1,}", "cd", "abce")
        no("(?:a|b)*c(?:d|e){1,}", "c", "abc")
        yes("(?<=a)b+", "ab")
        yes("b+(?=a)", "bba")
        no("b+(?=a)", "bbc")
        yes("^a+", "ab")
        no("^a+", "ba")
        yes("a+$", "baa")
        no("a+$", "aab")
    }

    func testCatastrophicLookaroundIsMemoized() throws {
        // No backreferences: memoized backtracking, so these finish without the budget.
        XCTAssertEqual(try ECMARegex("^(?=(a+)+$)").matches(String(repeating: "a", count: 34) + "!"), false)
        XCTAssertEqual(try ECMARegex("^(?!(a+)+$)").matches(String(repeating: "a", count: 34) + "!"), true)
        XCTAssertEqual(try ECMARegex("^(?:(?=a)(a+)+)$").matches(String(repeating: "a", count: 3_000) + "!"), false)
        XCTAssertEqual(try ECMARegex("(?<=(a+)+)b").matches(String(repeating: "a", count: 40) + "b"), true)
        XCTAssertEqual(try ECMARegex("(?<=^(a+)+)b").matches("c" + String(repeating: "a", count: 40) + "b"), false)
    }

    func testBudgetExceededThrows() throws {
        let re = try ECMARegex("^((a+)+)\\1$", stepBudget: 100_000)
        let input = String(repeating: "a", count: 30) + "!"
        XCTAssertThrowsError(try re.matches(input)) { error in
            XCTAssertEqual(error as? ECMARegexError, .budgetExceeded(pattern: "^((a+)+)\\1$", steps: 100_000))
        }
        XCTAssertEqual(try re.matches("aaaa"), true)
        XCTAssertEqual(re.stepBudget, 100_000)
        XCTAssertEqual(try ECMARegex("x").stepBudget, ECMARegex.defaultStepBudget)
        XCTAssertTrue(ECMARegexError.budgetExceeded(pattern: "p", steps: 5).description.contains("budget"))
    }

    // MARK: API

    func testUTF8BufferAPIAndPattern() throws {
        let re = try ECMARegex("^[a-z]+\\d?$")
        XCTAssertEqual(re.pattern, "^[a-z]+\\d?$")
        let bytes = Array("abc1".utf8)
        let r = try bytes.withUnsafeBufferPointer { (b) throws(ECMARegexError) -> Bool in try re.matches(utf8: b) }
        XCTAssertTrue(r)
        let empty: [UInt8] = []
        let r2 = try empty.withUnsafeBufferPointer { (b) throws(ECMARegexError) -> Bool in try re.matches(utf8: b) }
        XCTAssertFalse(r2)
    }

    private struct Flags: @unchecked Sendable {
        let base: UnsafeMutablePointer<Bool>
    }

    func testConcurrentUse() throws {
        let re = try ECMARegex("^(?:[a-z]+\\d|(x)\\1)$")
        let fast = try ECMARegex("^[a-z]{2,5}[0-9]+$")
        let workers = 8
        let flags = Flags(base: .allocate(capacity: workers))
        flags.base.initialize(repeating: false, count: workers)
        defer { flags.base.deallocate() }
        DispatchQueue.concurrentPerform(iterations: workers) { k in
            var ok = true
            for j in 0..<2_000 {
                ok = ok && (try? re.matches("abc\(j % 10)")) == true
                ok = ok && (try? re.matches("xx")) == true
                ok = ok && (try? re.matches("xy")) == false
                ok = ok && (try? fast.matches("ab\(k)\(j)")) == true
                ok = ok && (try? fast.matches("a\(k)")) == false
            }
            flags.base[k] = ok
        }
        for k in 0..<workers { XCTAssertTrue(flags.base[k], "worker \(k)") }
    }

    func testEngineSelectionShapes() {
        // Fast paths and the general engines must agree.
        let cases: [(String, String, Bool)] = [
            ("^([a-zA-Z0-9\\. _-]*)$", "Hello World_1.2-3", true),
            ("^([a-zA-Z0-9\\. _-]*)$", "Hello!", false),
            ("^([A-Z]{3,4}[0-9]{4})$", "ABC1234", true),
            ("^([A-Z]{3,4}[0-9]{4})$", "ABCD1234", true),
            ("^([A-Z]{3,4}[0-9]{4})$", "AB1234", false),
            ("^([A-Z]{3,4}[0-9]{4})$", "ABCDE1234", false),
            ("^[0-9]{3,5}$", "123", true),
            ("^[0-9]{3,5}$", "123456", false),
            ("^[0-9]{3,5}$", "12", false),
            ("^[^/]+$", "ünïcödé", true),
            ("^[^/]+$", "a/b", false),
            ("^.$", "🐲", true),
            ("^\\d$", "߀", false),
            ("^(abc)$", "abc", true),
            ("^(abc)$", "abcd", false),
            ("(ab)(cd)", "xxabcdxx", true),
            ("^ab(cd)", "abcdx", true),
            ("(cd)$", "abcd", true),
            ("(cd)$", "abcdx", false),
        ]
        for (p, s, expected) in cases {
            XCTAssertEqual(match(p, s), expected, "/\(p)/ on \(s.debugDescription)")
        }
    }

    // MARK: JSON-Schema-Test-Suite draft7 cases

    /// optional/ecmascript-regex.json, pattern.json, patternProperties.json,
    /// optional/non-bmp-regex.json (patterns only; the validator applies them).
    func testJSONSchemaTestSuitePatterns() {
        let cases: [(String, String, Bool)] = [
            ("^abc$", "abc\n", false), ("^abc$", "abc", true),
            ("^\\t$", "\\t", false), ("^\\t$", "\t", true),
            ("^\\cC$", "\\cC", false), ("^\\cC$", "\u{3}", true),
            ("^\\cc$", "\\cc", false), ("^\\cc$", "\u{3}", true),
            ("^\\d$", "0", true), ("^\\d$", "߀", false), ("^\\d$", "\u{07C0}", false),
            ("^\\D$", "0", false), ("^\\D$", "߀", true), ("^\\D$", "\u{07C0}", true),
            ("^\\w$", "a", true), ("^\\w$", "é", false),
            ("^\\W$", "a", false), ("^\\W$", "é", true),
            ("^\\s$", " ", true), ("^\\s$", "\t", true), ("^\\s$", "\u{B}", true), ("^\\s$", "\u{C}", true),
            ("^\\s$", "\u{A0}", true), ("^\\s$", "\u{FEFF}", true), ("^\\s$", "\n", true),
            ("^\\s$", "\u{2029}", true), ("^\\s$", "\u{2003}", true),
            ("^\\s$", "\u{1}", false), ("^\\s$", "\u{2013}", false),
            ("^\\S$", " ", false), ("^\\S$", "\t", false), ("^\\S$", "\u{B}", false), ("^\\S$", "\u{C}", false),
            ("^\\S$", "\u{A0}", false), ("^\\S$", "\u{FEFF}", false), ("^\\S$", "\n", false),
            ("^\\S$", "\u{2029}", false), ("^\\S$", "\u{2003}", false),
            ("^\\S$", "\u{1}", true), ("^\\S$", "\u{2013}", true),
            ("\\p{Letter}cole", "Les hivers de mon enfance etaient des saisons longues, longues. Nous vivions en trois lieux: l'ecole, l'eglise et la patinoire; mais la vraie vie etait sur la patinoire.", true),
            ("\\p{Letter}cole", "Les hivers de mon enfance étaient des saisons longues, longues. Nous vivions en trois lieux: l'école, l'église et la patinoire; mais la vraie vie était sur la patinoire.", true),
            // (Decomposed e + U+0301: the code point before "cole" is a mark, not a letter.)
            ("\\p{Letter}cole", "Les hivers de mon enfance e\u{301}taient des saisons longues, longues. Nous vivions en trois lieux: l'e\u{301}cole, l'e\u{301}glise et la patinoire; mais la vraie vie e\u{301}tait sur la patinoire.", false),
            ("\\p{Letter}cole", "LES HIVERS DE MON ENFANCE ÉTAIENT DES SAISONS LONGUES, LONGUES. NOUS VIVIONS EN TROIS LIEUX: L'ÉCOLE, L'ÉGLISE ET LA PATINOIRE; MAIS LA VRAIE VIE ÉTAIT SUR LA PATINOIRE.", false),
            ("\\wcole", "Les hivers de mon enfance etaient des saisons longues, longues. Nous vivions en trois lieux: l'ecole, l'eglise et la patinoire; mais la vraie vie etait sur la patinoire.", true),
            ("\\wcole", "Les hivers de mon enfance étaient des saisons longues, longues. Nous vivions en trois lieux: l'école, l'église et la patinoire; mais la vraie vie était sur la patinoire.", false),
            ("\\wcole", "Les hivers de mon enfance e\u{301}taient des saisons longues, longues. Nous vivions en trois lieux: l'e\u{301}cole, l'e\u{301}glise et la patinoire; mais la vraie vie e\u{301}tait sur la patinoire.", false),
            ("\\wcole", "LES HIVERS DE MON ENFANCE ÉTAIENT DES SAISONS LONGUES, LONGUES. NOUS VIVIONS EN TROIS LIEUX: L'ÉCOLE, L'ÉGLISE ET LA PATINOIRE; MAIS LA VRAIE VIE ÉTAIT SUR LA PATINOIRE.", false),
            ("[a-z]cole", "Les hivers de mon enfance étaient des saisons longues, longues. Nous vivions en trois lieux: l'école, l'église et la patinoire; mais la vraie vie était sur la patinoire.", false),
            ("[a-z]cole", "Les hivers de mon enfance e\u{301}taient des saisons longues, longues. Nous vivions en trois lieux: l'e\u{301}cole, l'e\u{301}glise et la patinoire; mais la vraie vie e\u{301}tait sur la patinoire.", false),
            ("[a-z]cole", "Les hivers de mon enfance etaient des saisons longues, longues. Nous vivions en trois lieux: l'ecole, l'eglise et la patinoire; mais la vraie vie etait sur la patinoire.", true),
            ("^\\d+$", "42", true), ("^\\d+$", "-%#", false), ("^\\d+$", "৪২", false),
            ("^\\p{digit}+$", "42", true), ("^\\p{digit}+$", "-%#", false), ("^\\p{digit}+$", "৪২", true),
            // patternProperties variants (property names)
            ("\\p{Letter}cole", "l'ecole", true), ("\\p{Letter}cole", "l'école", true),
            ("\\p{Letter}cole", "l'e\u{301}cole", false), ("\\p{Letter}cole", "L'ÉCOLE", false),
            ("\\wcole", "l'ecole", true), ("\\wcole", "l'école", false),
            ("\\wcole", "l'e\u{301}cole", false), ("\\wcole", "L'ÉCOLE", false),
            ("[a-z]cole", "l'école", false), ("[a-z]cole", "l'e\u{301}cole", false), ("[a-z]cole", "l'ecole", true),
            ("^\\d+$", "42", true), ("^\\d+$", "-%#", false), ("^\\d+$", "৪২", false),
            ("^\\p{digit}+$", "42", true), ("^\\p{digit}+$", "-%#", false), ("^\\p{digit}+$", "৪২", true),
            // non-bmp-regex.json
            ("^🐲*$", "", true), ("^🐲*$", "🐲", true), ("^🐲*$", "🐲🐲", true),
            ("^🐲*$", "🐉", false), ("^🐲*$", "🐉🐉", false), ("^🐲*$", "D", false), ("^🐲*$", "DD", false),
            // pattern.json
            ("^a*$", "aaa", true), ("^a*$", "abc", false), ("a+", "xxaayy", true),
            // patternProperties.json
            ("f.*o", "foo", true), ("f.*o", "foooooo", true), ("f.*o", "bar", false),
            ("a*", "a", true), ("a*", "aaaa", true), ("a*", "bar", true),
            ("aaa*", "a", false), ("aaa*", "aaaa", true), ("aaa*", "aaa", true),
            ("[0-9]{2,}", "answer 1", false), ("[0-9]{2,}", "a31b", true),
            ("X_", "a_x_3", false), ("X_", "a_X_3", true),
            ("f.*", "foo", true), ("f.*", "bar", false), ("b.*", "bar", true), ("b.*", "foobar", true),
            ("^.*bar$", "foobar", true),
            // properties.json / additionalProperties.json / propertyNames.json
            ("f.o", "foo", true), ("f.o", "fooo", true), ("f.o", "fxo", true), ("f.o", "bar", false),
            ("^v", "vroom", true), ("^v", "foo", false),
            ("^á", "ármányos", true), ("^á", "élmény", false),
            ("^a+$", "aaa", true), ("^a+$", "aaA", false), ("^a+$", "", false),
            ("^[a-m]", "apple", true), ("^[a-m]", "pear", false),
        ]
        for (p, s, expected) in cases {
            XCTAssertEqual(match(p, s), expected, "/\(p)/ on \(s.debugDescription)")
        }
    }

    /// optional/format/regex.json
    func testJSONSchemaTestSuiteFormatRegex() {
        valid("([abc])+\\s+$")
        invalid("^(abc]")
        XCTAssertTrue(ECMARegex.isValidPattern("([abc])+\\s+$"))
        XCTAssertFalse(ECMARegex.isValidPattern("^(abc]"))
        XCTAssertTrue(ECMARegex.isValidPattern("a{99999999999}"))
        for p in ["\\", "a{2,1}", "(?<", "*", "[z-a]", "(?x)"] {
            XCTAssertFalse(ECMARegex.isValidPattern(p), p)
        }
    }
}
