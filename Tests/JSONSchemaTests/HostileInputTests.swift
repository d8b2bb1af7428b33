import Document
@testable import JSONSchema
import XCTest

/// Regression tests for hostile input found while fuzzing and hardening (see scripts/fuzz):
/// each case hung, crashed or answered wrongly before its fix.
final class HostileInputTests: XCTestCase {
    func schema(_ text: String) throws -> Schema {
        try Schema.compile(JSONReader.parse(string: text, name: "<schema>").root, registry: SchemaRegistry())
    }

    func instance(_ text: String) throws -> Value {
        try JSONReader.parse(string: text, name: "i.json").root
    }

    // MARK: regex

    func testDeeplyNestedGroupsAreRefusedInsteadOfOverflowingTheStack() throws {
        let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
        XCTAssertThrowsError(try ECMARegex(deep)) { error in
            XCTAssertTrue("\(error)".contains("groups nested more than 256 levels deep"), "\(error)")
        }
        XCTAssertFalse(ECMARegex.isValidPattern(deep))
        let limit = RXParser.maxGroupNesting
        let atLimit = String(repeating: "(?:", count: limit) + "a" + String(repeating: ")", count: limit)
        XCTAssertEqual(try ECMARegex(atLimit).matches("xa"), true)
        XCTAssertThrowsError(try ECMARegex("(" + atLimit + ")"))
        // format: regex on an instance holding such a pattern: invalid, not a crash.
        let s = try schema(#"{"format": "regex"}"#)
        let result = try s.validate(instance("\"" + String(repeating: "(", count: 100_000) + "\""))
        XCTAssertEqual(result.errors.map(\.keyword), ["format"])
    }

    func testTheNFASimulationIsBudgeted() throws {
        // Too big for the DFA: the NFA simulation takes one step per instruction and position.
        let huge = try ECMARegex("a{99999}")
        let long = String(repeating: "a", count: 200_000)
        XCTAssertThrowsError(try huge.matches(long)) { error in
            guard case .budgetExceeded(let pattern, let steps)? = error as? ECMARegexError else { return XCTFail("\(error)") }
            XCTAssertEqual(pattern, "a{99999}")
            XCTAssertEqual(steps, ECMARegex.stepsPerByte * 200_001)
        }
        XCTAssertEqual(try huge.matches(String(repeating: "a", count: 500)), false)
        XCTAssertThrowsError(try ECMARegex("(.*a){5000}b").matches(long))
        // Linear patterns on long inputs never need the budget.
        XCTAssertEqual(try ECMARegex("^(a+)+$", stepBudget: 1).matches(long + "!"), false)
        XCTAssertEqual(try ECMARegex("(a|aa)+$", stepBudget: 1).matches(long + "b"), false)
    }

    func testMemoizedBacktrackingIsBoundedPerByte() throws {
        let long = String(repeating: "a", count: 1_000_000)
        // Lookbehind without backreferences: memoized, linear, and now bounded by ECMARegex.stepsPerByte steps a byte.
        // (A leading lookbehind would be joined to the pattern and searched by the DFA: this one
        // follows a character, so the backtracker runs it.)
        XCTAssertThrowsError(try ECMARegex("a(?<=(a+)+)[bc]").matches(long))
        XCTAssertEqual(try ECMARegex("a(?<=(a+)+)[bc]").matches(String(repeating: "a", count: 40) + "b"), true)
        XCTAssertEqual(ECMARegex.budget(10, inputLength: 1_000), 128 * 1_001)
        XCTAssertEqual(ECMARegex.budget(1_000_000, inputLength: 1_000), 1_000_000)
        XCTAssertEqual(ECMARegex.budget(5, inputLength: .max), .max)
    }

    func testBudgetErrorsNameTheOption() throws {
        let s = try schema(#"{"pattern": "^(a+)+\\1$", "patternProperties": {"^(b+)+\\1$": {}}}"#)
        XCTAssertThrowsError(try s.validate(instance("\"" + String(repeating: "a", count: 40) + "!\""))) { error in
            XCTAssertTrue("\(error)".contains("needs more than the regex budget of 1000000 steps"), "\(error)")
            XCTAssertTrue("\(error)".contains("raise it with --regex-budget"), "\(error)")
        }
        XCTAssertThrowsError(try s.isValid(instance("{\"" + String(repeating: "b", count: 40) + "!\": 1}"))) { error in
            XCTAssertTrue("\(error)".contains("patternProperties regex"), "\(error)")
            XCTAssertTrue("\(error)".contains("--regex-budget"), "\(error)")
        }
    }

    func testPatternsAreCompiledOncePerSchema() throws {
        let document = try JSONReader.parse(string: #"""
        {"properties": {"a": {"pattern": "^x+$"}, "b": {"pattern": "^x+$"}},
         "patternProperties": {"^x+$": {}}, "items": {"pattern": "^y$"}}
        """#, name: "<schema>")
        var compiler = Compiler(registry: SchemaRegistry(), options: CompileOptions())
        _ = try compiler.compileRoot(document.root)
        // Four uses, two distinct patterns: each compiled once.
        XCTAssertEqual(compiler.regexCache.keys.map { String(decoding: $0.bytes, as: UTF8.self) }.sorted(), ["^x+$", "^y$"])
    }

    // MARK: numbers

    func testMultipleOfBeyondTheDoubleRange() throws {
        XCTAssertTrue(try schema(#"{"multipleOf": 7}"#).isValid(instance("7e400")))
        XCTAssertFalse(try schema(#"{"multipleOf": 3}"#).isValid(instance("7e400")))
        XCTAssertTrue(try schema(#"{"multipleOf": 0.5}"#).isValid(instance("1e100000")))
        XCTAssertFalse(try schema(#"{"multipleOf": 7}"#).isValid(instance("1e-400")))
    }

    func testLongDivisorsWithHugeExponentsAreExactAndFast() throws {
        let two70 = ExactDecimal("1180591620717411303424")!  // 2^70: 22 digits, the long-division path
        XCTAssertTrue(ExactDecimal("1e1000000000")!.isMultiple(of: two70))
        XCTAssertTrue(ExactDecimal("1e70")!.isMultiple(of: two70))
        XCTAssertFalse(ExactDecimal("1e69")!.isMultiple(of: two70))
        XCTAssertFalse(ExactDecimal("3e1000000000")!.isMultiple(of: ExactDecimal("0.1234567890123456789012345")!))
        XCTAssertTrue(ExactDecimal("2469135780246913578024690e999999999")!.isMultiple(of: ExactDecimal("0.1234567890123456789012345")!))
    }

    func testNaNNeverPassesABound() throws {
        let nan = try YAMLReader.parse(string: ".nan").root
        for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] {
            let s = try schema("{\"\(keyword)\": 0}")
            XCTAssertFalse(try s.isValid(nan), keyword)
            XCTAssertEqual(try s.validate(nan).errors.map(\.message), ["NaN cannot be compared with the \(keyword) 0"])
        }
        XCTAssertTrue(try schema(#"{"type": "number"}"#).isValid(nan))
    }

    // MARK: pointers

    func testPointersToNamesThatStartWithACombiningMark() throws {
        // Found by `scripts/fuzz yaml`: "- \u{65E}:" (a name starting with U+065E). "/" and the
        // mark form one Character, so the pointer "/0/\u{65E}" did not split into its tokens.
        let document = try YAMLReader.parse([0x2D, 0x20, 0xD9, 0x9E, 0x3A], name: "crash.yaml")
        let member = document.root[0]![ "\u{65E}"]!
        XCTAssertEqual(member.pointer.tokens, ["0", "\u{65E}"])
        XCTAssertEqual(JSONPointer(member.pointer.description), member.pointer)
        XCTAssertEqual(document.resolve(JSONPointer(member.pointer.description)!)?.index, member.index)
        XCTAssertEqual(JSONPointer("/\u{301}a/~1\u{301}")?.tokens, ["\u{301}a", "/\u{301}"])
        XCTAssertNil(JSONPointer("\u{301}/a"))
        // A $ref fragment to such a name resolves.
        let s = try schema(##"{"definitions": {"\##u{65E}x": {"type": "string"}}, "$ref": "#/definitions/\##u{65E}x"}"##)
        XCTAssertFalse(try s.isValid(instance("1")))
        XCTAssertTrue(try s.isValid(instance("\"a\"")))
    }

    // MARK: equality

    func testLargeObjectsCompareInLinearTime() throws {
        let members = (0..<50_000).map { "\"k\($0)\": \($0)" }
        let object = "{" + members.joined(separator: ",") + "}"
        let reversed = "{" + members.reversed().joined(separator: ",") + "}"
        XCTAssertFalse(try schema(#"{"uniqueItems": true}"#).isValid(instance("[" + object + "," + reversed + "]")))
        XCTAssertTrue(try schema("{\"const\": " + object + "}").isValid(instance(reversed)))
        let changed = reversed.replacingOccurrences(of: "\"k7\": 7", with: "\"k7\": 8")
        XCTAssertFalse(try schema("{\"const\": " + object + "}").isValid(instance(changed)))
    }
}

/// Issue 16, items 3–5: hashing, enum lookup and suggestions stay bounded on hostile numbers and strings.
final class HostileRoundTwoEngineTests: XCTestCase {
    func values(_ json: String) throws -> [Value] {
        Array(try JSONReader.parse(string: json, name: "v.json").root.elements)
    }

    func testNumberHashAgreesWithEqualityForEveryExactDecimal() throws {
        // Beyond a double's range (all 0 or all infinite as doubles): hashes must still differ…
        let tiny = try values("[" + (1...2_000).map { "\($0)e-400" }.joined(separator: ",") + "]")
        XCTAssertEqual(Set(tiny.map(JSONEquality.hashValue)).count, tiny.count)
        let huge = try values("[" + (1...500).map { "\($0)" + String(repeating: "7", count: 400) }.joined(separator: ",") + "]")
        XCTAssertEqual(Set(huge.map(JSONEquality.hashValue)).count, huge.count)
        // …and agree wherever equality holds, whichever way the number is written.
        let groups = [
            "[1e-400, 10e-401, 0.1e-399, 0.0000000001e-390]",
            "[1, 1.0, 10e-1, 0.1e1, 1.000000000000000000000000000000000000]",
            "[0, -0, 0.0, 0e10, -0.0e-400]",
            "[1" + String(repeating: "0", count: 400) + ", 1e400, 10e399, 1" + String(repeating: "0", count: 400) + ".000]",
            "[123456789012345678901234567890, 1.23456789012345678901234567890e29, 12345678901234567890123456789.0e1]",
            "[-2.5e-400, -25e-401]",
        ]
        for group in groups {
            let vs = try values(group)
            for v in vs {
                XCTAssertTrue(JSONEquality.equal(vs[0], v), "\(group): \(v.numberText ?? "")")
                XCTAssertEqual(JSONEquality.hashValue(vs[0]), JSONEquality.hashValue(v), "\(group): \(v.numberText ?? "")")
            }
        }
        XCTAssertFalse(JSONEquality.equal(try values("[1e-400]")[0], try values("[2e-400]")[0]))
        XCTAssertFalse(JSONEquality.equal(try values("[-1e-400]")[0], try values("[1e-400]")[0]))
    }

    func testUniqueItemsAndEnumOverNumbersBeyondDoubleRange() throws {
        let numbers = (1...20_000).map { "\($0)e-400" }.joined(separator: ",")
        let unique = try Schema.compile(JSONReader.parse(string: #"{"uniqueItems": true}"#).root, registry: SchemaRegistry())
        XCTAssertTrue(try unique.validate(JSONReader.parse(string: "[\(numbers)]", name: "i.json").root).valid)
        let duplicated = try unique.validate(JSONReader.parse(string: "[\(numbers), 20000e-400]", name: "i.json").root)
        XCTAssertEqual(duplicated.errors.map(\.message), ["items 19999 and 20000 are equal (20000e-400), but uniqueItems is true"])
        // An enum of 10,000 numbers and objects: members are bucketed by hash.
        let members = (1...10_000).map { $0 % 2 == 0 ? "\($0)e-400" : #"{"n": \#($0)}"# }.joined(separator: ",")
        let e = try Schema.compile(JSONReader.parse(string: #"{"items": {"enum": [\#(members)]}}"#).root, registry: SchemaRegistry())
        let check = EnumCheck(try values("[\(members)]"))
        XCTAssertLessThanOrEqual(check.others.values.map(\.count).max() ?? 0, 2, "hash buckets stay small")
        XCTAssertTrue(try e.validate(JSONReader.parse(string: "[\(members)]", name: "i.json").root).valid)
        let wrong = try e.validate(JSONReader.parse(string: #"[2e-400, 3e-400, {"n": 2}, 10000.0e-400, {"n": 9999.0}]"#, name: "i.json").root)
        XCTAssertEqual(wrong.errors.map(\.instanceLocation), ["/1", "/2"])
    }

    func testSuggestionsAreBoundedByLengthAndCount() throws {
        // The banded distance agrees with the full table whenever the result is within the band.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Unicode.Scalar(UInt8.random(in: 97...100, using: &generator)) }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Unicode.Scalar(UInt8.random(in: 97...100, using: &generator)) }
            let full = Suggest.distance(a, b), banded = Suggest.distance(a, b, atMost: 3)
            if full <= 3 { XCTAssertEqual(banded, full, "\(a) \(b)") } else { XCTAssertGreaterThan(banded, 3, "\(a) \(b)") }
        }
        XCTAssertEqual(Suggest.closest("Auctoin", among: ["Auction", "Allocation"]), "Auction")
        // Words or candidates longer than the limit are never compared.
        let long = String(repeating: "x", count: Suggest.maxLength + 1)
        XCTAssertNil(Suggest.closest(long, among: [long + "y"]))
        XCTAssertNil(Suggest.closest("x" + long, among: [long]))
        // Through the evaluator: 1,000 long strings against a one-string enum of a long string.
        let member = String(repeating: "a", count: 4_000)
        let s = try Schema.compile(JSONReader.parse(string: #"{"items": {"enum": ["\#(member)"]}}"#).root, registry: SchemaRegistry())
        let items = (0..<1_000).map { _ in "\"" + member.dropLast() + "b\"" }.joined(separator: ",")
        var limits = ValidationLimits()
        limits.maxErrors = 10_000
        let result = try s.validate(JSONReader.parse(string: "[\(items)]", name: "i.json").root, limits: limits)
        XCTAssertEqual(result.errors.count, 1_000)
        XCTAssertFalse(result.errors[0].message.contains("did you mean"))
    }
}

/// Issue 16, item 6: compiling is linear in the number of `$ref`s and never recurses per hop.
final class HostileRoundTwoCompileTests: XCTestCase {
    func testFortyThousandRefsToOneDefinition() throws {
        let properties = (0..<40_000).map { ##""p\##($0)": {"$ref": "#/definitions/d"}"## }.joined(separator: ",")
        let text = ##"{"definitions": {"d": {"type": "integer"}}, "properties": {\##(properties)}}"##
        let schema = try Schema.compile(JSONReader.parse(string: text, name: "s.json").root, registry: SchemaRegistry())
        let result = try schema.validate(JSONReader.parse(string: ##"{"p1": 1, "p39999": "x"}"##, name: "i.json").root)
        XCTAssertEqual(result.errors.map(\.keywordLocation), ["/properties/p39999/$ref/type"])
    }

    func testHundredThousandHopChainCompilesWithoutDeepRecursion() throws {
        // Compiled on the test's own (8 MiB) thread: one stack frame per hop would overflow it.
        let hops = 100_000
        var definitions = (0..<hops).map { ##""d\##($0)": {"$ref": "#/definitions/d\##($0 + 1)"}"## }
        definitions.append(##""d\##(hops)": {"type": "integer"}"##)
        let text = ##"{"definitions": {\##(definitions.joined(separator: ","))}, "$ref": "#/definitions/d0"}"##
        let schema = try Schema.compile(JSONReader.parse(string: text, name: "s.json").root, registry: SchemaRegistry())
        // Evaluating it is bounded by the evaluation depth limit, which names itself.
        XCTAssertThrowsError(try schema.validate(JSONReader.parse(string: "1", name: "i.json").root)) { error in
            XCTAssertTrue("\(error)".contains("--max-eval-depth"), "\(error)")
        }
        // A short chain evaluates as usual, and an empty additionalProperties still accepts all.
        let short = try Schema.compile(JSONReader.parse(string: ##"""
            {"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/c"}, "c": {"type": "integer"}, "e": {}},
             "properties": {"x": {"$ref": "#/definitions/a"}}, "additionalProperties": {"$ref": "#/definitions/e"}}
            """##, name: "s.json").root, registry: SchemaRegistry())
        XCTAssertEqual(try short.validate(JSONReader.parse(string: ##"{"x": "no", "y": 1}"##, name: "i.json").root).errors.map(\.keywordLocation),
                       ["/properties/x/$ref/$ref/$ref/type"])
    }
}

/// Issue 16, item 18: a small lookbehind pattern on a 4 MiB string stays within the documented
/// per-byte budget (memoized), instead of failing on the fixed budget.
final class HostileRoundTwoRegexTests: XCTestCase {
    func testLookbehindOnFourMebibytesIsMemoizedWithinThePerByteBudget() throws {
        let long = String(repeating: "a", count: 4 << 20)
        let short = String(repeating: "a", count: 64 << 10)
        for (pattern, text, expected) in [("(?<=a)b", long + "b", true), ("(?<=a)b", short, false), ("(?<!a)b", short + "b", false),
                                          ("^(?:(?<=a)a|a)*$", short, true)] {
            let regex = try ECMARegex(pattern)
            XCTAssertEqual(try regex.matches(text), expected, pattern)
        }
        // The memo ceiling grows with the input (a fixed number of entries per position).
        XCTAssertTrue(RXBacktracker.memoFits(2 * ((4 << 20) + 1), positions: (4 << 20) + 1))
        XCTAssertFalse(RXBacktracker.memoFits(64 * ((4 << 20) + 1), positions: (4 << 20) + 1))
    }
}

/// Issue 16, item 7: 1,000 lookbehind `patternProperties` against 100,000 keys took 56 s, one
/// memoized backtracking run (with its allocations) per key and pattern. A leading positive
/// lookbehind (trailing lookahead) is joined to the pattern for the search, so `(?<=k1)x` runs
/// as the literal `k1x`; the patterns still backtracking first scan for a literal every match
/// holds. (Speed is measured by `scripts/fuzz resources`, case lookbehind-keys.)
final class HostileRoundTwoLookaroundTests: XCTestCase {
    /// Every string over `alphabet` up to `length` characters.
    func strings(_ alphabet: [String], upTo length: Int) -> [String] {
        var all = [""], layer = [""]
        for _ in 0..<length {
            layer = layer.flatMap { s in alphabet.map { s + $0 } }
            all += layer
        }
        return all
    }

    func testJoinedLookaroundsAnswerAsTheBacktrackerDoes() throws {
        // `(?!\b\B)` is always true and never joined: the same pattern behind it stays on the
        // backtracker, the reference answer.
        let oracle = "(?!\\b\\B)"
        let patterns = ["(?<=a)b", "(?<=^a)b", "(?<=a|bc)c+", "(?<=\\b)a", "(?<=a$)", "(?<=a)$", "(?<=a)", "b(?=c)", "b(?=c$)",
                        "(?<=a)(?<=[ab])b", "(?<=ab)(?=c)", "(?<=a(?=b))b", "(?<=a*)b", "(?<=(a|b){2})c", "x?(?<=a)b", "(?<=é)b", "a(?=b)(?=bc)"]
        let subjects = strings(["a", "b", "c", "é", " "], upTo: 5)
        for pattern in patterns {
            let joined = try ECMARegex(pattern)
            let reference = try ECMARegex(oracle + pattern + oracle)
            for subject in subjects {
                XCTAssertEqual(try joined.matches(subject), try reference.matches(subject), "/\(pattern)/ on \"\(subject)\"")
            }
        }
    }

    func literal(_ pattern: String) throws -> [UInt8] {
        var parser = RXParser(pattern)
        return RXEngine.requiredLiteral(try parser.parse())
    }

    func testRequiredLiteralSkipsTheBacktracker() throws {
        XCTAssertEqual(try literal("a(?<!x)bc|d"), [])
        XCTAssertEqual(try literal("q(?<!x)bc(?=d)\\d"), Array("qbc".utf8))
        XCTAssertEqual(try literal("(?<!k1)éx+y"), Array("é".utf8))
        // Subjects without the literal are refused without a backtracking step (a budget of 1).
        let regex = try ECMARegex("(?<!k1)x(?<!y)z", stepBudget: 1)
        XCTAssertEqual(try regex.matches(String(repeating: "k", count: 100_000)), false)
        XCTAssertEqual(try ECMARegex("(?<!k1)x(?<!y)z").matches("k2xz"), true)
        XCTAssertEqual(try ECMARegex("(?<!k1)x(?<!y)z").matches("k1xz"), false)
    }

    func testThousandLookbehindPatternPropertiesOverManyKeys() throws {
        var patterns: [String] = []
        for i in 0..<1_000 { patterns.append("\"(?<=k\(i))x\": {\"type\": \"integer\"}") }
        let schema = try Schema.compile(JSONReader.parse(string: "{\"patternProperties\": {" + patterns.joined(separator: ", ") + "}}", name: "s.json").root,
                                        registry: SchemaRegistry())
        var keys: [String] = []
        for i in 0..<20_000 { keys.append("\"key\(i)x\": \(i)") }
        keys.append("\"k7x\": \"seven\"")
        let result = try schema.validate(JSONReader.parse(string: "{" + keys.joined(separator: ", ") + "}", name: "i.json").root)
        // Only "k7x" matches a pattern ((?<=k7)x), and its value is not an integer.
        XCTAssertEqual(result.errors.map(\.instanceLocation.description), ["/k7x"])
    }
}

/// Issue 16, item 13: YAML's `.inf`/`-.inf` are not JSON numbers. crrspec keeps them as values
/// beyond every JSON number: above (below) any bound however large, equal only to themselves.
final class HostileRoundTwoInfinityTests: XCTestCase {
    func check(_ schema: String, _ yaml: String) throws -> [String] {
        let s = try Schema.compile(YAMLReader.parse(string: schema, name: "s.yaml").root, registry: SchemaRegistry())
        return try s.validate(YAMLReader.parse(string: yaml, name: "i.yaml").root).errors.map(\.message)
    }

    func testInfinityNeverPassesAHugeBoundOrEqualsAHugeNumber() throws {
        XCTAssertEqual(try check("maximum: 1e400", ".inf"), ["Infinity is greater than the maximum 1e400"])
        XCTAssertEqual(try check("exclusiveMaximum: 1e400", ".inf"), ["Infinity is greater than the exclusive maximum 1e400"])
        XCTAssertEqual(try check("minimum: -1e400", "-.inf"), ["-Infinity is less than the minimum -1e400"])
        XCTAssertEqual(try check("const: 1e400", ".inf"), ["expected exactly 1e400, found Infinity"])
        XCTAssertEqual(try check("enum: [1e400, -1e400]", ".inf").count, 1)
        XCTAssertEqual(try check("const: .inf", "1e400"), ["expected exactly Infinity, found 1e400"])
        // Bounds written as .inf: every JSON number is below, the infinity itself is not.
        XCTAssertEqual(try check("exclusiveMaximum: .inf", "1e400"), [])
        XCTAssertEqual(try check("exclusiveMaximum: .inf", ".inf"), ["Infinity is equal to the exclusive maximum Infinity"])
        XCTAssertEqual(try check("maximum: .inf", ".inf"), [])
        XCTAssertEqual(try check("const: .inf", ".inf"), [])
        XCTAssertEqual(try check("uniqueItems: true", "[.inf, 1e400, 2e400]"), [])
        XCTAssertEqual(try check("uniqueItems: true", "[.inf, 1e400, .inf]").count, 1)
    }
}
