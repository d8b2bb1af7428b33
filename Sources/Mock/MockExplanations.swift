import Reporting

extension MockLogID {
    /// `crrspec explain` entries for every id the mock logs besides JSON Schema keywords.
    public static let explanations: [Explanation] = [
        Explanation(
            id: unknownPath, kind: .mock, title: "No mounted operation has the request's path (HTTP 404).",
            description: "The mock mounts each spec's paths under the path of its first server URL (/crr for CRR specs). A path that matches none of them is answered 404 with SER0029 in the spec's CRRServiceException (the spec whose mount prefix is closest), or {\"errors\":[...]} for specs without one.",
            example: "GET /crr/auction/v1.0/portfolios\n404 {\"errorList\":[{\"errorCode\":\"SER0029\",\"errorDescription\":\"(root): no operation of the mounted specs has the path /crr/auction/v1.0/portfolios\",\"severity\":\"ERROR\"}],...}",
            fix: "Check the path against the spec (crrspec mock prints each mounted service and its prefix at start-up); mount the spec that has it."),
        Explanation(
            id: methodNotAllowed, kind: .mock, title: "The path exists but not with this method (HTTP 405).",
            description: "The path matches an operation of a mounted spec, but the spec declares no operation for the request's method there. The response carries an Allow header with the methods the spec declares.",
            example: "PUT /crr/auction/v1.0/portfolioList\n405, Allow: GET",
            fix: "Use one of the methods in the Allow header."),
        Explanation(
            id: bodyTooLarge, kind: .mock, title: "The request body is longer than --max-body (HTTP 413).",
            description: "The mock reads at most --max-body bytes of a body (16 MiB by default); a longer body, or a Content-Length over the limit, is answered 413 and the connection is closed.",
            example: "crrspec mock auction --max-body 1000; a POST with 5,000 bytes\n413 ... the body (5011 bytes) is longer than --max-body 1000 bytes",
            fix: "Send a smaller body, or start the mock with a larger --max-body."),
        Explanation(
            id: malformedBody, kind: .mock, title: "The request body is not well-formed JSON (HTTP 400, SER0017).",
            description: "A body sent as application/json (or +json) must parse; the error names the line and column where reading stopped.",
            example: "{\"marketName\": ,}\n400 SER0017 (root): malformed JSON: ... (line 1, column 16)",
            fix: "Fix the JSON at the line and column given (crrspec parse FILE shows the same message)."),
        Explanation(
            id: missingParameter, kind: .mock, title: "A required parameter is missing (HTTP 400, SER0017).",
            description: "Path, query, header and cookie parameters marked required in the spec (path parameters always are) must be present. The pointer names the place: /query/NAME, /header/NAME, /path/NAME, /cookie/NAME.",
            example: "GET /crr/auction/v1.0/portfolioList without caiso-request-id\n400 SER0017 /header/caiso-request-id: the required header parameter caiso-request-id is missing",
            fix: "Send the parameter; the spec's parameter list says which are required."),
        Explanation(
            id: unsupportedMediaType, kind: .mock, title: "The Content-Type is not one the operation accepts (HTTP 415).",
            description: "A request body must be sent with one of the media types of the operation's requestBody content (application/json for CRR specs).",
            example: "POST /crr/auction/v1.0/portfolioCreation with Content-Type: text/plain\n415 SER0017 /header/Content-Type: ...",
            fix: "Send Content-Type: application/json (or the type the spec lists)."),
        Explanation(
            id: missingBody, kind: .mock, title: "The operation requires a request body and none was sent (HTTP 400, SER0017).",
            description: "The operation's requestBody has required: true.",
            example: "POST /crr/auction/v1.0/portfolioCreation with no body\n400 SER0017 (root): the request body is required (application/json)",
            fix: "Send the body the operation describes."),
        Explanation(
            id: clientCertificateMissing, kind: .mock, title: "Mutual TLS: the client presented no certificate (HTTP 403, SEC0001).",
            description: "With --client-ca the mock asks every client for a certificate. One that does not chain to the CA is refused during the TLS handshake; a client that presents none completes the handshake and every request is answered 403 with SEC0001 (the spec's own code), as CAISO's B2B services expect a certificate on every call.",
            example: "curl --cacert ca.pem https://127.0.0.1:4010/crr/auction/v1.0/portfolioList\n403 SEC0001 (root): no client certificate was presented; this server requires mutual TLS",
            fix: "Send the client certificate and key (curl --cert client.pem --key client.key)."),
        Explanation(
            id: invalidSpecExample, kind: .mock, title: "A spec's own example does not match its schema; a generated body was sent instead.",
            description: "Every body the mock sends is validated against its schema first. When a named example, an example or a nested schema example of the spec fails (the published TOR spec has a closeDate of 2023-12-141T02:00:00Z), the mock logs a warning with the example's file:line:column and sends a body generated from the schema.",
            example: "warning: tor.yaml:19:28: example published of getWindow (200) does not match its schema: /closeDate: ... is not a valid date-time; sent a generated body instead",
            fix: "Correct the example in the spec (crrspec lint reports the same example)."),
        Explanation(
            id: preferUnavailable, kind: .mock, title: "A Prefer header asked for a response or example the operation does not have.",
            description: "Prefer: code=NNN picks the response with that status (or NXX, or default), Prefer: example=NAME a named example of the chosen response. When there is none, the mock sends its default answer and logs this finding.",
            example: "Prefer: code=418\nsent the first 2xx response; log: Prefer: code=418: the operation declares no such response",
            fix: "Ask for a status or example the spec declares for the operation."),
        Explanation(
            id: undeclaredStatus, kind: .mock, title: "Proxy: the upstream answered with a status the operation does not declare.",
            description: "With --proxy URL the mock forwards each request to the upstream and checks its answer against the spec. The status must be one of the operation's responses (exactly, as NXX, or through default). The answer is passed to the client unchanged; the finding goes to the log and to the X-Crrspec-Violations header.",
            example: "crrspec mock auction --proxy https://mapstage.example/ ...\nupstream 418 on portfolioCreation\nX-Crrspec-Violations: 1; response mock-undeclared-status (root)",
            fix: "Fix the server, or declare the status in the spec if the server is right."),
        Explanation(
            id: responseContentType, kind: .mock, title: "Proxy: the upstream's Content-Type is not one its response declares.",
            description: "With --proxy URL the Content-Type of the upstream's answer must match a media type of the declared response (exactly, type/*, or */*).",
            example: "upstream 200 with Content-Type: text/html where the spec declares application/json\nX-Crrspec-Violations: 1; response mock-response-content-type /header/Content-Type",
            fix: "Make the server send the declared media type."),
        Explanation(
            id: upstreamUnavailable, kind: .mock, title: "Proxy: the upstream could not be reached or did not answer (HTTP 502).",
            description: "With --proxy URL the mock forwards each request; when the connection fails or no answer comes within --proxy-timeout seconds it answers 502 with the spec's error body (SER0028 or what its table has) and logs this finding.",
            example: "crrspec mock auction --proxy http://127.0.0.1:9\n502 ... the upstream http://127.0.0.1:9 did not answer: Could not connect to the server.",
            fix: "Check the --proxy URL and that the upstream is running."),
        Explanation(
            id: responseEncoding, kind: .mock, title: "Proxy: the upstream's Content-Encoding cannot be decoded; its body was not checked.",
            description: "With --proxy URL the upstream's answer goes to the client byte for byte, compressed or not. To check the body the proxy decodes a private copy of it: gzip (x-gzip) and deflate (zlib or raw) are understood, identity needs nothing. A body in another coding (br, zstd ...) or one that does not decompress is passed on unchanged and not checked; its status and Content-Type still are.",
            example: "upstream 200 with Content-Encoding: br\nX-Crrspec-Violations: 1; response mock-response-encoding /header/Content-Encoding",
            fix: "Let the client offer only gzip or deflate (Accept-Encoding) while checking through the proxy, or fix the server if its compressed body is corrupt."),
        Explanation(
            id: reloaded, kind: .mock, title: "--watch: a changed spec file was loaded; the new version is served.",
            description: "With --watch the mock looks at the spec files and folders on its command line twice a second. When one changes it loads them all again and serves the new version from the next request on; requests in flight finish with the old one. This is an event of the log, not a finding: with --log it is a line {\"time\", \"event\": \"mock-reloaded\", \"files\", \"message\"} and standard error gets a short line with the number of operations mounted.",
            example: "crrspec mock api.yaml --watch\ncrrspec mock: api.yaml changed: reloaded, 2 operations mounted",
            fix: "Nothing to fix; if the new version is not the one expected, check the file that was saved."),
        Explanation(
            id: reloadFailed, kind: .mock, title: "--watch: a changed spec file cannot be used; the previous version is still served.",
            description: "With --watch the mock reloads each spec file given on the command line when it changes. An edit that does not parse, is not an OpenAPI spec, or makes two operations claim one route is refused: the mock keeps serving the version it had and logs why, with the file's line and column.",
            example: "crrspec mock api.yaml --watch\ncrrspec mock: api.yaml changed but cannot be used, still serving the previous version: api.yaml:12:5: ...",
            fix: "Fix the spec file; the next save is picked up."),
        Explanation(
            id: uuidFormat, kind: .mock, title: "A value declared format: uuid is not a UUID (HTTP 400, SER0017).",
            description: "The mock checks format: uuid as a server reading the value would: 36 characters, hexadecimal digits in groups of 8-4-4-4-12 separated by hyphens, either case (RFC 9562). CRR specs declare it for the caiso-request-id header that every call carries.",
            example: "caiso-request-id: abc\n400 SER0017 /header/caiso-request-id: header parameter caiso-request-id \"abc\": \"abc\" is not a valid uuid (8-4-4-4-12 hexadecimal digits)",
            fix: "Send a fresh UUID for each request (uuidgen; {{$guid}} in Postman)."),
    ]
}
