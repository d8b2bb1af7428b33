import XCTest
@testable import JSONSchema

/// Hand-picked cases for the draft-07 `format` checkers.
final class FormatTests: XCTestCase {

    // MARK: - Helpers

    private func assertValid(_ format: String, _ values: [String], file: StaticString = #filePath, line: UInt = #line) {
        for value in values {
            XCTAssertEqual(FormatChecker.check(format, value), true, "\(format): \(String(reflecting: value)) should be valid", file: file, line: line)
        }
    }

    private func assertInvalid(_ format: String, _ values: [String], file: StaticString = #filePath, line: UInt = #line) {
        for value in values {
            XCTAssertEqual(FormatChecker.check(format, value), false, "\(format): \(String(reflecting: value)) should be invalid", file: file, line: line)
        }
    }

    // MARK: - API

    func testKnownFormatsIsTheDraft07SetWithoutRegex() {
        XCTAssertEqual(FormatChecker.knownFormats, [
            "date", "time", "date-time", "email", "idn-email", "hostname", "idn-hostname",
            "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template",
            "json-pointer", "relative-json-pointer",
        ])
        XCTAssertFalse(FormatChecker.knownFormats.contains("regex"))
        XCTAssertFalse(FormatChecker.knownFormats.contains("uuid"))
        XCTAssertFalse(FormatChecker.knownFormats.contains("duration"))
    }

    func testUnknownFormatsReturnNil() {
        XCTAssertNil(FormatChecker.check("regex", "^a$"))
        XCTAssertNil(FormatChecker.check("uuid", "not-a-uuid"))
        XCTAssertNil(FormatChecker.check("Date", "2024-11-21"))  // names are case-sensitive
        XCTAssertNil(FormatChecker.checker(for: "duration"))
        "x".utf8.withContiguousStorageIfAvailable { buffer in
            XCTAssertNil(FormatChecker.check("something", utf8: buffer))
        }
    }

    func testUTF8EntryPointsAgreeWithStringEntryPoint() {
        let samples = ["2021-09-01T07:00:00Z", "2023-12-141T02:00:00Z", "실례.테스트", "http://ƒøø.ßår/", ""]
        for format in FormatChecker.knownFormats {
            guard let checker = FormatChecker.checker(for: format) else {
                return XCTFail("no checker for \(format)")
            }
            for sample in samples {
                let bytes = Array(sample.utf8)
                let viaBuffer = bytes.withUnsafeBufferPointer { FormatChecker.check(format, utf8: $0) }
                let viaChecker = bytes.withUnsafeBufferPointer { checker($0) }
                XCTAssertEqual(viaBuffer, FormatChecker.check(format, sample), "\(format) \(sample)")
                XCTAssertEqual(viaChecker, FormatChecker.check(format, sample), "\(format) \(sample)")
            }
        }
    }

    // MARK: - date, time, date-time

    func testDate() {
        assertValid("date", ["2024-11-21", "1963-06-19", "2020-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2021-01-31", "2021-04-30"])
        assertInvalid("date", [
            "", "2021-02-29", "1900-02-29", "2020-02-30", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00",
            "2021-1-01", "2021-01-1", "20210101", "2021/01/01", "2023-W01", "2013-350", "2021-01-01T00:00:00Z",
            " 2021-01-01", "2021-01-01 ", "1963-06-1\u{09EA}", "２０２１-01-01", "+2021-01-01",
        ])
    }

    func testTime() {
        assertValid("time", [
            "08:30:06Z", "08:30:06z", "23:20:50.52Z", "08:30:06.283185+01:00", "00:00:00-00:00",
            "23:59:60Z", "15:59:60-08:00", "01:29:60+01:30", "00:29:60-23:30", "23:59:59+23:59",
        ])
        assertInvalid("time", [
            "", "12:00:00", "12:00:00.52", "24:00:00Z", "00:60:00Z", "00:00:61Z", "22:59:60Z", "23:58:60Z",
            "23:59:60+01:00", "01:02:03+24:00", "01:02:03+00:60", "01:02:03Z+00:30", "08:30:06 PST",
            "01:01:01,1111", "08:30:06.Z", "8:30:06Z", "08:30:06-8:00", "08:30:06+0800", "08:30:06#00:20",
            "1\u{09E8}:00:00Z", "08:30Z", "08:30:06ZZ",
        ])
    }

    func testDateTime() {
        assertValid("date-time", [
            "2021-09-01T07:00:00Z", "2021-09-01T07:00:00.000Z", "1963-06-19t08:30:06.283185z",
            "1937-01-01T12:00:27.87+00:20", "1998-12-31T23:59:60Z", "1998-12-31T15:59:60.123-08:00",
            "2020-02-29T00:00:00+05:30",
        ])
        assertInvalid("date-time", [
            "2023-12-141T02:00:00Z", "2024-11-21", "2021-09-01T07:00:00", "2021-09-01 07:00:00Z",
            "2021-09-01T07:00Z", "1990-02-31T15:59:59.123-08:00", "1990-12-31T15:59:59-24:00",
            "1998-12-31T23:59:61Z", "1998-12-31T22:59:60Z", "1963-06-19T08:30:06.28123+01:00Z",
            "06/19/1963 08:30:06 PST", "2013-350T01:01:01", "1963-06-1\u{09EA}T00:00:00Z", "2021-09-01T07:00:00.Z",
        ])
    }

    // MARK: - email, idn-email

    func testEmail() {
        assertValid("email", [
            "joe.bloggs@example.com", "te~st@example.com", "~test@example.com", "test~@example.com",
            "te.s.t@example.com", "user+tag@sub.example.org", "a@b", "\"joe bloggs\"@example.com",
            "\"joe..bloggs\"@example.com", "\"joe@bloggs\"@example.com", "\"quote\\\"d\"@example.com",
            "joe.bloggs@[127.0.0.1]", "joe.bloggs@[IPv6:::1]", "x@[ipv6:2001:db8::1]",
            "!#$%&'*+-/=?^_`{|}~@example.com", String(repeating: "a", count: 64) + "@example.com",
        ])
        assertInvalid("email", [
            "", "2962", "@example.com", "joe@", ".test@example.com", "test.@example.com", "te..st@example.com",
            "joe bloggs@example.com", "joe@bloggs@example.com", "joe.bloggs@invalid=domain.com",
            "joe.bloggs@[127.0.0.300]", "joe@[IPv6:1::2::3]", "joe@[foo:bar]", "joe@example.com.",
            "joe@-example.com", "\"unterminated@example.com", "joé@example.com", "joe@exämple.com",
            String(repeating: "a", count: 65) + "@example.com", "joe@example..com",
        ])
    }

    func testIDNEmail() {
        assertValid("idn-email", [
            "실례@실례.테스트", "joe.bloggs@example.com", "jöe@exämple.com", "\"jö e\"@example.com", "用户@例子.广告",
        ])
        assertInvalid("idn-email", [
            "2962", "실례@", "@실례.테스트", "a..b@example.com", "joe@〮실례.테스트", "joe@exa mple.com",
        ])
    }

    // MARK: - hostname, idn-hostname

    func testHostname() {
        assertValid("hostname", [
            "www.example.com", "hostname", "host-name", "h0stn4me", "hostnam3", "1host", "example.com.",
            "xn--4gbwdl.xn--wgbh1c", "xn--nw2a.xn--j6w193g", "XN--4GBWDL.com", "r3---sn-4g5e6nz7.googlevideo.com",
            String(repeating: "a", count: 63) + ".com",
            String(Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".").dropLast(2)),
        ])
        assertInvalid("hostname", [
            "", ".", "..", "a..b", ".example.com", "example.com..", "-hostname", "hostname-", "_hostname",
            "host_name", "not a host", "exa mple.com", "exämple.com", "例子.com",
            String(repeating: "a", count: 64) + ".com",
            Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: "."),
            "xn--X", "xn--", "xn--abc-", "XN--aa---o47jg78q", "xn--vek", "xn--l-fda", "xn--02b508i",
        ])
    }

    func testIDNHostname() {
        assertValid("idn-hostname", [
            "실례.테스트", "example.com", "münchen.de", "xn--mnchen-3ya.de", "xn--ihqwcrb4cv8a8dqg056pqjye",
            "ßς་〇", "۽۾", "l·l", "xn--ll-0ea", "α͵β", "א׳ב", "א״ב", "・ぁ", "・ァ", "・丈", "ب٠ب", "۰0",
            "क्\u{200D}ष", "क्\u{200C}ष", "بي\u{200C}بي", "xn--11b2ezcw70k",
            "a.b", "a。b", "a．b", "a｡b", "例子.广告", "ελληνικά.gr", "пример.рф", "مثال.إختبار",
        ])
        assertInvalid("idn-hostname", [
            "", ".", "。", "．", "｡", "〮실례.테스트", "실〮례.테스트", "-> $1.00 <--", "xn--X",
            "XN--aa---o47jg78q", "ab--c.com", "-hello", "hello-", "\u{0903}hello", "\u{0300}hello", "\u{0488}hello",
            "ـߺ", "〱〲〳〴〵〮〯〻", "a·l", "·l", "l·a", "l·", "α͵S", "α͵", "A׳ב", "׳ב", "A״ב", "״ב",
            "def・abc", "・", "ب٠۰", "क\u{200D}ष", "\u{200D}ष", "a\u{200C}b",
            "München.de",  // upper-case letters are not PVALID in a U-label
            "exa mple.com", "a_b.com", "☃.net", "a\u{00AD}b",
            String(String.UnicodeScalarView((0..<40).map { Unicode.Scalar(0xAC00 + $0 * 97)! })),  // A-label > 63 octets
            "aب",  // Bidi rule: mixed-direction label
            "ب.1a",  // Bidi rule applies to every label of a Bidi domain name
        ])
    }

    func testPunycode() {
        let samples: [(String, String)] = [
            ("bücher", "bcher-kva"),
            ("münchen", "mnchen-3ya"),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
            ("例子", "fsqu00a"),
            ("ü", "tda"),
        ]
        for (unicode, encoded) in samples {
            let scalars = unicode.unicodeScalars.map(\.value)
            XCTAssertEqual(FormatChecker.Punycode.encode(scalars), Array(encoded.utf8), unicode)
            XCTAssertEqual(FormatChecker.Punycode.decode(Array(encoded.utf8)), scalars, encoded)
        }
        XCTAssertNil(FormatChecker.Punycode.decode(Array("X".utf8)))
        XCTAssertNil(FormatChecker.Punycode.decode(Array("a_b".utf8)))
        XCTAssertNil(FormatChecker.Punycode.decode(Array("99999999999999".utf8)))
    }

    func testIDNADerivedProperty() {
        typealias IDNA = FormatChecker.IDNA
        XCTAssertEqual(IDNA.status(0x61), .pvalid)          // a
        XCTAssertEqual(IDNA.status(0x41), .disallowed)      // A (unstable under case folding)
        XCTAssertEqual(IDNA.status(0x5F), .disallowed)      // _
        XCTAssertEqual(IDNA.status(0xDF), .pvalid)          // ß exception
        XCTAssertEqual(IDNA.status(0xB7), .contextO)        // MIDDLE DOT
        XCTAssertEqual(IDNA.status(0x200C), .contextJ)      // ZWNJ
        XCTAssertEqual(IDNA.status(0x0640), .disallowed)    // ARABIC TATWEEL exception
        XCTAssertEqual(IDNA.status(0x1100), .disallowed)    // old Hangul jamo
        XCTAssertEqual(IDNA.status(0xAC00), .pvalid)        // Hangul syllable
        XCTAssertEqual(IDNA.status(0x20D0), .disallowed)    // combining mark for symbols
        XCTAssertEqual(IDNA.status(0xFB01), .disallowed)    // ligature fi (NFKC-unstable)
        XCTAssertEqual(IDNA.status(0x2603), .disallowed)    // snowman (symbol)
        XCTAssertEqual(IDNA.status(0x0378), .unassigned)
        XCTAssertEqual(IDNA.status(0xFFFF), .disallowed)    // noncharacter
    }

    // MARK: - ipv4, ipv6

    func testIPv4() {
        assertValid("ipv4", ["192.168.0.1", "0.0.0.0", "255.255.255.255", "87.10.0.1", "1.2.3.4"])
        assertInvalid("ipv4", [
            "", "127.0.0.0.1", "256.256.256.256", "127.0", "0x7f000001", "2130706433", "087.10.0.1",
            "1\u{09E8}7.0.0.1", "192.168.1.0/24", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4 ", "01.2.3.4", "1.2.3.0000",
        ])
    }

    func testIPv6() {
        assertValid("ipv6", [
            "::1", "::", "::abef", "::42:ff:1", "d6::", "1:d6::42", "1::d6:192.168.0.1", "1:2::192.168.0.1",
            "::ffff:192.168.0.1", "1:2:3:4:5:6:7:8", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "FE80::1",
            "1000:1000:1000:1000:1000:1000:255.255.255.255", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
        ])
        assertInvalid("ipv6", [
            "", "12345::", "::abcef", "1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1", "::laptop", ":2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:", ":2:3:4::8", "1::d6::42", "1::2:192.168.256.1", "1::2:192.168.ff.1",
            "1:2:3:4:5:::8", "1:2:3:4:5:6:7", "1", "127.0.0.1", "1:2:3:4:1.2.3", "  ::1", "::1  ",
            "fe80::/64", "fe80::a%eth1", "100:100:100:100:100:100:255.255.255.255.255",
            "100:100:100:100:100:100:100:255.255.255.255", "1:2:3:4:5:6:7:\u{09EA}", "1:2::192.16\u{09EA}.0.1",
            "[::1]", "1:2:3:4:5:6:7:8::", "::1.2.3.4:5",
        ])
    }

    // MARK: - uri, uri-reference, iri, iri-reference

    func testURI() {
        assertValid("uri", [
            "http://foo.bar/?baz=qux#quux", "http://foo.com/blah_(wikipedia)_blah#cite-1",
            "http://foo.bar/?q=Test%20URL-encoded%20stuff", "http://xn--nw2a.xn--j6w193g/",
            "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com", "http://223.255.255.254",
            "ftp://ftp.is.co.za/rfc/rfc1808.txt", "ldap://[2001:db8::7]/c=GB?objectClass?one",
            "mailto:John.Doe@example.com", "news:comp.infosystems.www.servers.unix", "tel:+1-816-555-1212",
            "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", "https://example.com:8443/a/b?c#d",
            "file:///etc/hosts", "http://[v7.fe80::a+en1]/", "a:", "http://example.com:/", "x:/a//b",
        ])
        assertInvalid("uri", [
            "", "//foo.bar/?baz=qux#quux", "/abc", "\\\\WINDOWS\\fileshare", "abc", "http:// shouldfail.com",
            ":// should fail", "bar,baz:foo", "http://2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "http://example.com/%zz", "http://example.com/%2", "http://ƒøø.com/", "http://[::1/",
            "http://[1:2]/", "http://a@b@c/", "http://example.com:80a/", "http://example.com/#a#b",
            "http://example.com/ a", "1http://example.com", "http://example.com/<>",
        ])
    }

    func testURIReference() {
        assertValid("uri-reference", [
            "http://foo.bar/?baz=qux#quux", "//foo.bar/?baz=qux#quux", "/abc", "abc", "#fragment", "",
            "?query", "../a/b", "./c:d", "a/b:c", "#", "//", "//user@host:8080/p",
        ])
        assertInvalid("uri-reference", [
            "\\\\WINDOWS\\fileshare", "#frag\\ment", "a:b c", "1a:b", "%", "/a b", "âππ", "#a#b", "[::1]",
        ])
    }

    func testIRI() {
        assertValid("iri", [
            "http://ƒøø.ßår/?∂éœ=πîx#πîüx", "http://ƒøø.com/blah_(wîkïpédiå)_blah#ßité-1",
            "http://ƒøø.ßår/?q=Test%20URL-encoded%20stuff", "http://[2001:0db8:85a3:0000:0000:8a2e:0370:7334]",
            "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com", "http://例子.测试/路径?查询#片段",
            "http://example.com/?\u{E000}",  // iprivate is allowed in the query
        ])
        assertInvalid("iri", [
            "http://2001:0db8:85a3:0000:0000:8a2e:0370:7334", "/abc", "\\\\WINDOWS\\filëßåré", "âππ",
            "http://example.com/\u{E000}",  // ... but not in the path
            "http://example.com/#\u{E000}", "http://exa mple.com/", "http://example.com/\u{FFFE}",
        ])
    }

    func testIRIReference() {
        assertValid("iri-reference", ["http://ƒøø.ßår/?∂éœ=πîx#πîüx", "//ƒøø.ßår/?∂éœ=πîx#πîüx", "/âππ", "âππ", "#ƒrägmênt", ""])
        assertInvalid("iri-reference", ["\\\\WINDOWS\\filëßåré", "#ƒräg\\mênt", "a b", "ƒ:b:c"])
    }

    // MARK: - uri-template

    func testURITemplate() {
        assertValid("uri-template", [
            "http://example.com/dictionary/{term:1}/{term}", "http://example.com/dictionary",
            "dictionary/{term:1}/{term}", "", "{var}", "{+path}/here", "{#frag}", "X{.list*}",
            "{/var,x}/here", "{;x,y,empty}", "{?x,y}", "?fixed=yes{&x}", "{var:9999}", "{a.b_c%20d}",
            "http://example.com/{u}literal/ü",
            "{=reserved}", "{,x}", "%2F{x}",
        ])
        assertInvalid("uri-template", [
            "http://example.com/dictionary/{term:1}/{term", "{}", "{+}", "{var:0}", "{var:10000}",
            "{var*:3}", "{.var.}", "{var..x}", "{ var}", "{var}}", "}", "{a{b}}", "a b", "a<b", "%zz",
            "{var,}", "{,,var}", "{var:}", "{$var}", "{var-name}",
        ])
    }

    // MARK: - json-pointer, relative-json-pointer

    func testJSONPointer() {
        assertValid("json-pointer", [
            "", "/", "/foo", "/foo/0", "/a~1b", "/m~0n", "/c%d", "/e^f", "/g|h", "/i\\j", "/k\"l", "/ ",
            "/foo//bar", "/foo/bar/", "/foo/-", "/~1~0~0~1~1", "/~0.1", "/ünïcode",
        ])
        assertInvalid("json-pointer", ["#", "#/", "#a", "/~0~", "/~0/~", "/~2", "/~-1", "/~~", "a", "0", "a/a", "/foo/bar~"])
    }

    func testRelativeJSONPointer() {
        assertValid("relative-json-pointer", ["0", "1", "0/foo/bar", "2/0/baz/1/zip", "0#", "120/foo/bar", "3/"])
        assertInvalid("relative-json-pointer", [
            "", "/foo/bar", "-1/foo/bar", "+1/foo/bar", "0##", "01/a", "01#", "#", "0#/a", "1a", "0 /a", "\u{09E8}/a",
        ])
    }
}
