import Foundation
import XCTest

/// Headless Chromium and html5lib for the page tests. Both are installed by
/// `scripts/install-deps` (chromium from the distribution, html5lib 1.1 into
/// `.build/browser-venv`); where they are missing the tests skip and print why.
enum Browser {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The chromium binary: `CRRSPEC_CHROMIUM`, else `chromium` on PATH.
    static let chromium: String? = {
        if let path = ProcessInfo.processInfo.environment["CRRSPEC_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// Python of the venv that has html5lib.
    static let python: String? = {
        let path = packageRoot.appendingPathComponent(".build/browser-venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    static func requireChromium() throws -> String {
        guard let chromium else {
            let reason = "chromium is not installed (scripts/install-deps installs it; CRRSPEC_CHROMIUM names another binary)"
            print("skipped: " + reason)
            throw XCTSkip(reason)
        }
        return chromium
    }

    static func requirePython() throws -> String {
        guard let python else {
            let reason = "html5lib is not installed in .build/browser-venv (scripts/install-deps installs it)"
            print("skipped: " + reason)
            throw XCTSkip(reason)
        }
        return python
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // stderr to a file: a full stderr pipe must never stall the browser.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = (try? Data(contentsOf: errFile)) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Flags that keep every request from leaving: all hosts resolve to nothing and the proxy
    /// is a closed port.
    static let offline = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                          "--proxy-bypass-list=<-loopback>"]

    static func common(_ profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
         "--user-data-dir=" + profile.path]
    }

    /// The DOM after the page's script ran, with networking off.
    /// `loopback`: 127.0.0.1 is reached directly (a page served over HTTP by the test); every
    /// other host still resolves to nothing and the proxy is still a closed port.
    static func dumpDOM(_ url: URL, fragment: String? = nil, loopback: Bool = false) throws -> String {
        let chromium = try requireChromium()
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let target = url.absoluteString + (fragment.map { "#" + $0 } ?? "")
        let network = loopback ? offline.map { $0 == "--proxy-bypass-list=<-loopback>" ? "--proxy-bypass-list=127.0.0.1" : $0 } : offline
        let result = try run(chromium, common(profile) + network + ["--virtual-time-budget=2000", "--dump-dom", target])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// A screenshot into .build/screenshots/NAME.png; returns its path.
    static func screenshot(_ url: URL, name: String, height: Int = 1200) throws -> URL {
        let chromium = try requireChromium()
        let dir = packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let png = dir.appendingPathComponent(name + ".png")
        try? FileManager.default.removeItem(at: png)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try run(chromium, common(profile) + offline + ["--window-size=1100,\(height)", "--screenshot=" + png.path, url.absoluteString])
        XCTAssertEqual(result.status, 0, result.stderr)
        return png
    }

    /// Decodes a PNG (8-bit RGB/RGBA, non-interlaced, as Chromium writes them) with Python's
    /// zlib and reports width, height, distinct colours and the share of non-white pixels.
    static let pngStats = """
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6), (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours, dark, i = set(), 0, 0
    for y in range(height):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 4):
                px = bytes(line[x:x + 3]); colours.add(px)
                if px != b'\\xff\\xff\\xff': dark += 1
        prev = line
    sampled = ((height + 3) // 4) * ((width + 3) // 4)
    print(width, height, len(colours), round(dark / sampled, 4))
    """

    struct PNGStats {
        var width: Int
        var height: Int
        var colours: Int
        var nonWhite: Double
    }

    static func stats(_ png: URL) throws -> PNGStats {
        let result = try run("/usr/bin/env", ["python3", "-c", pngStats, png.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parts = result.stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 4, let w = Int(parts[0]), let h = Int(parts[1]), let c = Int(parts[2]), let n = Double(parts[3]) else {
            throw XCTSkip("could not read PNG stats: \(result.stdout) \(result.stderr)")
        }
        return PNGStats(width: w, height: h, colours: c, nonWhite: n)
    }

    /// html5lib's parse errors, the number of h1 elements and the form controls without a
    /// label, one JSON object per file.
    static let htmlCheck = """
    import html5lib, json, sys
    for path in sys.argv[1:]:
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder('etree'), namespaceHTMLElements=False)
        doc = parser.parse(open(path, 'rb').read())
        errors = ['%s at %s' % (e[1], e[0]) for e in parser.errors]
        h1 = len(doc.findall('.//h1'))
        labels = set(l.get('for') for l in doc.iter('label'))
        unlabelled = []
        for tag in ('input', 'select', 'textarea', 'button'):
            for el in doc.iter(tag):
                if el.get('type') == 'hidden':
                    continue
                if el.get('id') in labels or el.get('aria-label') or el.get('aria-labelledby') or (tag == 'button' and (el.text or '').strip()):
                    continue
                unlabelled.append(tag + '#' + str(el.get('id')))
        print(json.dumps({'file': path, 'errors': errors, 'h1': h1, 'unlabelled': unlabelled}))
    """

    struct HTMLCheck: Decodable {
        var file: String
        var errors: [String]
        var h1: Int
        var unlabelled: [String]
    }

    static func checkHTML(_ files: [URL]) throws -> [HTMLCheck] {
        let python = try requirePython()
        let result = try run(python, ["-c", htmlCheck] + files.map(\.path))
        XCTAssertEqual(result.status, 0, result.stderr)
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(HTMLCheck.self, from: Data($0.utf8)) }
    }

    /// A static HTTP server on 127.0.0.1 (an ephemeral port) over a folder, for the duration of
    /// `body`; returns what `body` returns and the paths the server was asked for.
    static func serving<T>(_ folder: URL, _ body: (URL) throws -> T) throws -> (T, [String]) {
        let script = """
        import functools, http.server, sys
        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format, *args):
                sys.stderr.write(self.path + "\\n"); sys.stderr.flush()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-http-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: log)
        do { try process.run() } catch {
            let reason = "python3 is not available to serve the pages over HTTP"
            print("skipped: " + reason)
            throw XCTSkip(reason)
        }
        defer { process.terminate(); process.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            XCTFail("the HTTP server did not start")
            throw XCTSkip("the HTTP server did not start")
        }
        let result = try body(URL(string: "http://127.0.0.1:\(port)/")!)
        let requests = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
        return (result, requests)
    }
}
