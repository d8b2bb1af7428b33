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
        let lower = name.lowercased()
        return headers.filter { $0.name.lowercased() == lower }.map(\.value)
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
