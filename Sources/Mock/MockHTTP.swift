/// An HTTP request as the mock sees it: already parsed by the HTTP layer (Hummingbird), with the
/// whole body collected. The mock's logic works on this type only, so it is tested without
/// sockets.
public struct MockRequest: Sendable {
    /// Upper-case method (`GET`).
    public var method: String
    /// The path of the request target as sent (percent-encoded, no query).
    public var path: String
    /// The query string without `?`, as sent; nil without one.
    public var query: String?
    /// Header fields in the order received (names as sent).
    public var headers: [(name: String, value: String)]
    /// The collected body.
    public var body: [UInt8]
    /// With `--client-ca`: whether the client presented a certificate that verified. nil when the
    /// server does not ask for client certificates.
    public var clientCertificateVerified: Bool?

    public init(method: String, path: String, query: String? = nil, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], clientCertificateVerified: Bool? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.clientCertificateVerified = clientCertificateVerified
    }

    /// Splits a request target (`/a/b?x=1`) into path and query.
    public init(method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                clientCertificateVerified: Bool? = nil) {
        if let q = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<q]), query: String(target[target.index(after: q)...]),
                      headers: headers, body: body, clientCertificateVerified: clientCertificateVerified)
        } else {
            self.init(method: method, path: target, headers: headers, body: body, clientCertificateVerified: clientCertificateVerified)
        }
    }

    /// Every value of a header (names compare case-insensitively).
    public func headerValues(_ name: String) -> [String] {
        headers.filter { MockRequest.sameName($0.name, name) }.map(\.value)
    }

    /// Header names compare case-insensitively; ASCII names (every HTTP token) byte by byte,
    /// without building lower-case copies.
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard x.count == y.count else {
                    return x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 } ? false : nil
                }
                for i in 0..<x.count {
                    let p = x[i], q = y[i]
                    if p == q { continue }
                    if p >= 0x80 || q >= 0x80 { return nil }
                    let folded = p | 0x20
                    if folded != q | 0x20 || folded < 0x61 || folded > 0x7A { return false }
                }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }

    /// The first value of a header.
    public func header(_ name: String) -> String? { headerValues(name).first }
}

/// What the mock answers, and the log record of the exchange.
public struct MockResponse: Sendable {
    public var status: Int
    /// Header fields to send besides those the HTTP layer adds (`Date`, `Content-Length`).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// One line of `--log`.
    public var record: MockLogRecord

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], record: MockLogRecord) {
        self.status = status
        self.headers = headers
        self.body = body
        self.record = record
    }

    /// The body as text (tests, logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Decodes `%XX` escapes of a URL component; nil for a malformed escape or bytes that are not
/// UTF-8. With `plusIsSpace` (query strings) `+` is a space.
public func mockPercentDecode(_ text: Substring, plusIsSpace: Bool = false) -> String? {
    // Most segments and query values have nothing to decode: the text is already the answer
    // (a Substring is valid UTF-8), without a byte copy and a UTF-8 check.
    if !text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) {
        return String(text)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
    while let b = iterator.next() {
        if b == UInt8(ascii: "%") {
            guard let h = iterator.next().flatMap(hex), let l = iterator.next().flatMap(hex) else { return nil }
            bytes.append(h << 4 | l)
        } else if plusIsSpace && b == UInt8(ascii: "+") {
            bytes.append(0x20)
        } else {
            bytes.append(b)
        }
    }
    return String(validating: bytes, as: UTF8.self)
}

/// Splits URL text at an ASCII separator byte (`/`, `&`, `=`), as RFC 3986 splits octets. It
/// works on the UTF-8 bytes, not on Characters: Swift's `split(separator:)` runs grapheme
/// breaking over every byte, which cost more than the rest of matching a route.
func mockSplit(_ text: Substring, on separator: UInt8, maxSplits: Int = .max,
               omittingEmptySubsequences: Bool = false) -> [Substring] {
    var parts: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var i = start
    var splits = 0
    while i != utf8.endIndex {
        if splits < maxSplits, utf8[i] == separator {
            if !(omittingEmptySubsequences && start == i) {
                parts.append(Substring(utf8[start..<i]))
                splits += 1
            }
            start = utf8.index(after: i)
        }
        i = utf8.index(after: i)
    }
    if !(omittingEmptySubsequences && start == utf8.endIndex) { parts.append(Substring(utf8[start...])) }
    return parts
}
