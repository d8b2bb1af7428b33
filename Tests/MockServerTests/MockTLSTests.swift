import Foundation
import XCTest

/// HTTPS and mutual TLS with a throwaway CA, server and client certificates made by openssl at
/// test time (never committed).
final class MockTLSTests: XCTestCase {
    nonisolated(unsafe) static var dir: URL!

    override class func setUp() {
        super.setUp()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-mock-tls-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let ssl = "/usr/bin/openssl"
        func run(_ args: [String]) {
            let (status, output) = try! runTool(ssl, args, in: dir)
            precondition(status == 0, "openssl \(args.joined(separator: " ")): \(output)")
        }
        for ca in ["ca", "rogue-ca"] {
            run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2",
                 "-subj", "/CN=crrspec test \(ca)"])
        }
        try! "subjectAltName=IP:127.0.0.1\n".write(to: dir.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        run(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
             "-days", "2", "-extfile", "server.ext"])
        for (client, ca) in [("client", "ca"), ("rogue-client", "rogue-ca")] {
            run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(client).key", "-out", "\(client).csr", "-subj", "/CN=CISO"])
            run(["x509", "-req", "-in", "\(client).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key", "-CAcreateserial",
                 "-out", "\(client).pem", "-days", "2"])
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir)
        super.tearDown()
    }

    func path(_ name: String) -> String { Self.dir.appendingPathComponent(name).path }

    func testProxyToAnHTTPSUpstreamVerifiesItsCertificate() throws {
        // `--proxy https://...` speaks TLS to the upstream and checks its certificate against the
        // system's trust roots: the test CA is not among them, so the handshake fails and the
        // client gets the spec's 502 naming the TLS failure.
        let upstream = try MockProcess(["auction", "--quiet", "--tls-cert", path("server.pem"), "--tls-key", path("server.key")])
        defer { upstream.stop() }
        XCTAssertTrue(upstream.url.hasPrefix("https://"), upstream.url)
        let proxy = try MockProcess(["auction", "--quiet", "--proxy", upstream.url, "--proxy-timeout", "20"])
        defer { proxy.stop() }
        let answer = try Curl.run(proxy.url + "/crr/auction/v1.0/portfolioList?marketName=AUC_MN_2025_M01&participantName=CISO",
                                  headers: [MockProxyWatchTests.requestID])
        XCTAssertEqual(answer.status, 502, answer.body)
        XCTAssertTrue(answer.body.contains("the upstream \(upstream.url) did not answer: TLS: "), answer.body)
        XCTAssertEqual(answer.headers["x-crrspec-violations"], "1; response mock-upstream-unavailable (root)")
    }

    func testHTTPSWithoutClientCA() throws {
        let mock = try MockProcess(["auction", "--tls-cert", path("server.pem"), "--tls-key", path("server.key")])
        defer { mock.stop() }
        XCTAssertTrue(mock.url.hasPrefix("https://127.0.0.1:"), mock.url)
        let response = try Curl.run(mock.url + "/crr/auction/v1.0/nothing", extra: ["--cacert", path("ca.pem")])
        XCTAssertEqual(response.status, 404, response.stderr)
        XCTAssertTrue(response.body.contains("SER0029"))
    }

    func testMutualTLS() throws {
        let mock = try MockProcess(["auction", "--tls-cert", path("server.pem"), "--tls-key", path("server.key"), "--client-ca", path("ca.pem")])
        defer { mock.stop() }
        let url = mock.url + "/crr/auction/v1.0/portfolioList?marketName=AUC_2025&participantName=CISO"
        let id = MockServerTests.requestID

        // A client certificate of the trusted CA: served.
        let good = try Curl.run(url, headers: [id], extra: ["--cacert", path("ca.pem"), "--cert", path("client.pem"), "--key", path("client.key")])
        XCTAssertEqual(good.status, 200, good.stderr + good.body)

        // No client certificate: the handshake completes and the answer is 403 with SEC0001.
        let none = try Curl.run(url, headers: [id], extra: ["--cacert", path("ca.pem")])
        XCTAssertEqual(none.status, 403, none.stderr + none.body)
        let json = try XCTUnwrap(none.json as? [String: Any], none.body)
        XCTAssertEqual((json["errorList"] as? [[String: Any]])?.first?["errorCode"] as? String, "SEC0001")

        // A certificate from another CA: refused in the handshake (no HTTP answer at all).
        let rogue = try Curl.run(url, headers: [id], extra: ["--cacert", path("ca.pem"), "--cert", path("rogue-client.pem"), "--key", path("rogue-client.key")])
        XCTAssertNotEqual(rogue.exitCode, 0)
        XCTAssertEqual(rogue.status, 0, rogue.body)
    }

    func testBadCertificateFileIsExit2() throws {
        XCTAssertThrowsError(try MockProcess(["auction", "--tls-cert", path("missing.pem"), "--tls-key", path("server.key")])) { error in
            let e = error as! MockStartError
            XCTAssertEqual(e.status, 2)
            XCTAssertTrue(e.stderr.contains("--tls-cert"), e.stderr)
        }
    }
}
