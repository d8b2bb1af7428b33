extension Explanations {
    /// The explanations of the general engines: draft-07 keywords and input problems (a
    /// profile's rules are explained by its layer, e.g. the CRR layer's `CRRProfile.explanations`).
    static let builtIn: [Explanation] = keywords + inputs

    static let keywords: [Explanation] = [
        Explanation(
            id: "type", kind: .keyword,
            title: "The value has the wrong JSON type.",
            description: """
            `type` names the JSON types a value may have: null, boolean, object, array, number, string or integer. \
            An integer is any number without a fractional part, so 1.0 counts as an integer (draft-07 says so). \
            In CRR files this is usually a number written as a string ("25" instead of 25) or an id sent as a number.
            """,
            example: """
            schema:  {"MW": {"type": "number"}}
            file:    {"MW": "25"}
            crrspec: file.json:1:8: error: expected number, found string "25"
            """,
            fix: "Write the value with the type the schema asks for: numbers without quotes, strings with quotes, true/false for booleans. If the schema is wrong, change its `type` (a list such as [\"number\", \"null\"] allows several)."
        ),
        Explanation(
            id: "enum", kind: .keyword,
            title: "The value is not one of the values the schema lists.",
            description: """
            `enum` lists every allowed value; the value must equal one of them exactly. Strings compare code point by \
            code point and case matters: "on" is not "ON". CRR enumerations (TOU, HedgeType, CRRType, market types) are \
            upper case in the B2B specs and the download schemas.
            """,
            example: """
            schema:  {"TOU": {"enum": ["ON", "OFF"]}}
            file:    {"TOU": "PEAK"}
            crrspec: file.json:1:9: error: "PEAK" is not one of the allowed values: "ON", "OFF"
            """,
            fix: "Use one of the listed values, spelled and cased as listed. If a new value is legitimate, it needs a new schema version that adds it to the `enum`."
        ),
        Explanation(
            id: "const", kind: .keyword,
            title: "The value is not the one value the schema allows.",
            description: "`const` allows exactly one value, compared like `enum`: same type, same number, the same string code point by code point.",
            example: """
            schema:  {"CRRType": {"const": "AUC"}}
            file:    {"CRRType": "LSE"}
            crrspec: file.json:1:13: error: expected exactly "AUC", found "LSE"
            """,
            fix: "Write the value the schema names. A `const` in a CRR schema usually marks a file meant for one market or one record kind: check that you chose the right schema or operation."
        ),
        Explanation(
            id: "required", kind: .keyword,
            title: "A property the schema requires is missing.",
            description: """
            `required` lists the properties an object must have. crrspec reports one error per missing property, \
            positioned at the object's opening brace (the property has no position of its own). A typo in a property \
            name shows up twice: as a missing required property and, when the schema forbids extra properties, as an \
            additionalProperties error with a "did you mean" hint.
            """,
            example: """
            schema:  {"type": "object", "required": ["MarketName", "ClearingPrice"]}
            file:    {"MarketName": "AUC_AN_2025"}
            crrspec: file.json:1:1: error: missing required property "ClearingPrice"
            """,
            fix: "Add the property with a valid value. If the property is optional in practice, the schema needs a new version without it in `required`."
        ),
        Explanation(
            id: "additionalProperties", kind: .keyword,
            title: "The object has a property the schema does not allow.",
            description: """
            With `additionalProperties: false` an object may only have the properties the schema names in `properties` \
            (or matches with `patternProperties`). CRR download schemas and B2B request bodies are closed this way, so a \
            misspelt or miscased field name (StartDat, startDate) is an error here and the field the service expects \
            is reported as missing.
            """,
            example: """
            schema:  {"properties": {"StartDate": {"type": "string"}}, "additionalProperties": false}
            file:    {"StartDat": "2025-01-01T08:00:00Z"}
            crrspec: file.json:1:2: error: property "StartDat" is not allowed (additionalProperties is false); did you mean "StartDate"?
            """,
            fix: "Rename the property to the name the schema uses (field names are case-sensitive), or remove it. Adding a field to a CRR file format needs a new schema version."
        ),
        Explanation(
            id: "propertyNames", kind: .keyword,
            title: "A property name fails the schema for property names.",
            description: "`propertyNames` is a schema every property name (a string) must pass, for example a pattern or a maximum length. The error is positioned at the offending name.",
            example: """
            schema:  {"propertyNames": {"maxLength": 1}}
            file:    {"ab": 1}
            crrspec: file.json:1:2: error: "ab" is 2 characters long, longer than the maximum of 1
            """,
            fix: "Rename the property so that its name passes the `propertyNames` schema."
        ),
        Explanation(
            id: "dependencies", kind: .keyword,
            title: "A property is present without the properties it depends on.",
            description: "`dependencies` says that when one property is present, others must be too (a list of names), or that the object must then pass a schema.",
            example: """
            schema:  {"dependencies": {"PriceCap": ["PriceFloor"]}}
            file:    {"PriceCap": 10}
            crrspec: file.json:1:1: error: property "PriceFloor" is required when "PriceCap" is present
            """,
            fix: "Add the properties that go together, or remove the one that needs them."
        ),
        Explanation(
            id: "minProperties", kind: .keyword,
            title: "The object has fewer properties than the schema requires.",
            description: "`minProperties` is the least number of properties an object has (`maxProperties` the most).",
            example: """
            schema:  {"minProperties": 1}
            file:    {}
            crrspec: file.json:1:1: error: the object has 0 properties, fewer than the minimum of 1
            """,
            fix: "Add the properties the object lacks."
        ),
        Explanation(
            id: "maxItems", kind: .keyword,
            title: "The array has more items than the schema allows.",
            description: """
            `maxItems` caps an array's length; the error is positioned at the array's opening bracket. The CRR B2B \
            specs use it for service limits: at most 500 bids in one portfolio creation, at most 20 points on a bid \
            curve. A request over the limit is rejected by the service as a whole.
            """,
            example: """
            schema:  {"newBids": {"type": "array", "maxItems": 500}}
            file:    {"newBids": [ ...501 bids... ]}
            crrspec: file.json:4:14: error: the array has 501 items, more than the maximum of 500
            """,
            fix: "Split the items over several requests or files, each within the limit."
        ),
        Explanation(
            id: "uniqueItems", kind: .keyword,
            title: "The array has two equal items.",
            description: "With `uniqueItems: true` no two items may be equal (numbers compare by value, so 1 and 1.0 are equal; strings compare code point by code point).",
            example: """
            schema:  {"uniqueItems": true}
            file:    ["2025_S01", "2025_S01"]
            crrspec: file.json:1:1: error: items 0 and 1 are equal ("2025_S01"), but uniqueItems is true
            """,
            fix: "Remove the duplicate item."
        ),
        Explanation(
            id: "contains", kind: .keyword,
            title: "No item of the array passes the `contains` schema.",
            description: "`contains` requires at least one item of the array to pass its schema.",
            example: """
            schema:  {"contains": {"const": "ON"}}
            file:    ["OFF"]
            crrspec: file.json:1:1: error: no item of an array of 1 item matches the `contains` schema
            """,
            fix: "Add an item that passes the `contains` schema."
        ),
        Explanation(
            id: "minimum", kind: .keyword,
            title: "The number is smaller than the schema's minimum.",
            description: """
            `minimum` is an inclusive lower bound: the number may equal it (`exclusiveMinimum` is the exclusive one, \
            `maximum` the upper bound). crrspec compares the numbers exactly as written, so big ids and long decimals \
            are never rounded. CRR ids have ranges (a CrrID is at most 10 digits); MW and prices are non-negative where \
            the schema says so.
            """,
            example: """
            schema:  {"MW": {"type": "number", "minimum": 0}}
            file:    {"MW": -1}
            crrspec: file.json:1:8: error: -1 is less than the minimum 0
            """,
            fix: "Use a value within the range. A negative MW on a download usually means a sign convention mix-up upstream."
        ),
        Explanation(
            id: "multipleOf", kind: .keyword,
            title: "The number has more decimals than the schema allows.",
            description: """
            `multipleOf` requires the number to be an integer multiple of a step. CRR schemas use it for precision: MW \
            to 0.001 and prices to 0.01. crrspec decides it exactly on the decimal digits written (19.99 is a multiple \
            of 0.01), unlike validators that divide binary floating-point numbers and get it wrong.
            """,
            example: """
            schema:  {"MW": {"type": "number", "multipleOf": 0.001}}
            file:    {"MW": 1.0001}
            crrspec: file.json:1:8: error: 1.0001 is not a multiple of 0.001
            """,
            fix: "Round the value to the precision the schema allows (here three decimals) before writing the file."
        ),
        Explanation(
            id: "minLength", kind: .keyword,
            title: "The string is shorter than the schema allows.",
            description: "`minLength` is the least number of characters a string has (Unicode code points, not bytes). `minLength: 1` is how a schema says a name may not be empty.",
            example: """
            schema:  {"PortfolioName": {"type": "string", "minLength": 1}}
            file:    {"PortfolioName": ""}
            crrspec: file.json:1:19: error: "" is 0 characters long, shorter than the minimum of 1
            """,
            fix: "Fill in the string; an empty name is not a name."
        ),
        Explanation(
            id: "pattern", kind: .keyword,
            title: "The string does not match the schema's regular expression.",
            description: """
            `pattern` is an ECMA-262 (JavaScript) regular expression; it matches anywhere in the string unless anchored \
            with ^ and $. crrspec runs it with its own ECMA-262 engine, so \\d is ASCII digits only and \\w, \\s follow \
            JavaScript. CRR schemas use patterns for node names, period names (2025_S01, 2025_M01) and date-times without \
            fractional seconds.
            """,
            example: """
            schema:  {"Period": {"type": "string", "pattern": "^[0-9]{4}_(S|M)[0-9]{2}$"}}
            file:    {"Period": "2025-S1"}
            crrspec: file.json:1:12: error: "2025-S1" does not match the pattern ^[0-9]{4}_(S|M)[0-9]{2}$
            """,
            fix: "Write the value in the form the pattern describes; the schema's `description` and `examples` usually show it."
        ),
        Explanation(
            id: "format", kind: .keyword,
            title: "The string is not a valid date-time, date, email, URI or other format.",
            description: """
            `format` names a string syntax. crrspec asserts every draft-07 format by default: date-time, date and time \
            (RFC 3339, with a real calendar date and a time zone), email, hostname, ipv4, ipv6, uri, uri-reference, iri, \
            uri-template, json-pointer, relative-json-pointer and regex. A CRR date-time also carries no fractional \
            seconds: see crr-date-time-seconds.
            """,
            example: """
            schema:  {"StartDate": {"type": "string", "format": "date-time"}}
            file:    {"StartDate": "2025-02-30T08:00:00Z"}
            crrspec: file.json:1:15: error: "2025-02-30T08:00:00Z" is not a valid date-time
            """,
            fix: "Write the value in the format's syntax; for date-time: YYYY-MM-DDThh:mm:ssZ (or an offset such as -08:00), with a date that exists."
        ),
        Explanation(
            id: "contentEncoding", kind: .keyword,
            title: "The string is not valid base64.",
            description: "`contentEncoding: base64` requires valid base64 (RFC 4648); crrspec asserts it (see contentMediaType for the content itself).",
            example: """
            schema:  {"Attachment": {"type": "string", "contentEncoding": "base64"}}
            file:    {"Attachment": "@@"}
            crrspec: file.json:1:16: error: "@@" is not valid base64
            """,
            fix: "Encode the content with standard base64 (with padding)."
        ),
        Explanation(
            id: "anyOf", kind: .keyword,
            title: "The value matches none of the alternatives.",
            description: """
            `anyOf` needs at least one alternative to pass. crrspec reports the failure once and then, indented, the \
            errors of the closest alternative: the one whose type fits and that has the fewest errors. Fix those and \
            the value passes.
            """,
            example: """
            schema:  {"Price": {"anyOf": [{"type": "number"}, {"type": "null"}]}}
            file:    {"Price": "3.40"}
            crrspec: file.json:1:11: error: "3.40" does not match any of the 2 anyOf alternatives; closest match:
                       file.json:1:11: error: expected number, found string "3.40"
            """,
            fix: "Make the value pass one alternative: the indented errors say what the closest one needs."
        ),
        Explanation(
            id: "oneOf", kind: .keyword,
            title: "The value matches none, or more than one, of the alternatives.",
            description: "`oneOf` needs exactly one alternative to pass. When none passes, crrspec shows the closest alternative's errors indented, as for anyOf; when several pass, it names them.",
            example: """
            schema:  {"oneOf": [{"type": "number"}, {"type": "integer"}]}
            file:    1
            crrspec: file.json:1:1: error: 1 matches 2 of the oneOf alternatives (0, 1), but must match exactly one
            """,
            fix: "When none passes, fix the errors of the closest alternative. When several pass, the schema's alternatives overlap: tell them apart (e.g. with `required` or `const`), or use anyOf."
        ),
        Explanation(
            id: "not", kind: .keyword,
            title: "The value passes a schema it must not pass.",
            description: "`not` inverts its schema: the value is valid only when it fails the inner schema.",
            example: """
            schema:  {"not": {"type": "string"}}
            file:    "s"
            crrspec: file.json:1:1: error: "s" must not match the `not` schema
            """,
            fix: "Change the value so that it no longer matches the inner schema."
        ),
        Explanation(
            id: "if", kind: .keyword,
            title: "A condition: the value must pass `then` when it passes `if`, else `else`.",
            description: "With `if`/`then`/`else`, a value that passes `if` must pass `then`, and one that fails `if` must pass `else`. The error names the branch keyword (then or else) that failed, with its own keyword below.",
            example: """
            schema:  {"if": {"type": "string"}, "then": {"minLength": 3}}
            file:    "x"
            crrspec: file.json:1:1: error: "x" is 1 character long, shorter than the minimum of 3
                       at instance (root), schema /then/minLength
            """,
            fix: "Satisfy the branch that applies; the schema location shows which one."
        ),
        Explanation(
            id: "false", kind: .keyword,
            title: "The schema allows no value here.",
            description: "A boolean schema `false` rejects every value; it usually marks a property or an item position that must not appear.",
            example: """
            schema:  {"properties": {"Legacy": false}}
            file:    {"Legacy": 1}
            crrspec: file.json:1:12: error: no value is allowed here (the schema is `false`)
            """,
            fix: "Remove the value."
        ),

        Explanation(
            id: "properties", kind: .keyword,
            title: "A named property's value fails the schema given for it.",
            description: "`properties` maps property names to schemas; each property present must pass its schema. `properties` never fails by itself: the error names the inner keyword (type, enum, pattern, ...) and its schema location runs through /properties/NAME.",
            example: """
            schema:  {"properties": {"MW": {"type": "number"}}}
            file:    {"MW": "25"}
            crrspec: file.json:1:8: error: expected number, found string "25"
                       at instance /MW, schema /properties/MW/type
            """,
            fix: "Fix the value as the inner keyword's explanation says (crrspec explain type, enum, ...)."
        ),
        Explanation(
            id: "patternProperties", kind: .keyword,
            title: "A property whose name matches a pattern fails the schema for that pattern.",
            description: "`patternProperties` maps regular expressions to schemas; every property whose name matches one must pass its schema. Names it matches also count as known for `additionalProperties`. The error names the inner keyword.",
            example: """
            schema:  {"patternProperties": {"^HE[0-9]{2}$": {"type": "number"}}}
            file:    {"HE01": "x"}
            crrspec: file.json:1:10: error: expected number, found string "x"
                       at instance /HE01, schema /patternProperties/^HE[0-9]{2}$/type
            """,
            fix: "Fix the value as the inner keyword says, or rename the property so that it does not match the pattern."
        ),
        Explanation(
            id: "additionalItems", kind: .keyword,
            title: "The array has more items than its tuple schema lists.",
            description: "When `items` is a list (a tuple), `additionalItems` governs the items past its end; `additionalItems: false` forbids them.",
            example: """
            schema:  {"items": [{"type": "string"}, {"type": "number"}], "additionalItems": false}
            file:    ["ON", 25, 3]
            crrspec: file.json:1:1: error: the array has 3 items, but only 2 are allowed (additionalItems is false)
            """,
            fix: "Remove the extra items, or (in the schema) allow them with an `additionalItems` schema."
        ),
        Explanation(
            id: "maxProperties", kind: .keyword,
            title: "The object has more properties than the schema allows.",
            description: "`maxProperties` is the most properties an object may have (`minProperties` the least).",
            example: """
            schema:  {"maxProperties": 2}
            file:    {"a": 1, "b": 2, "c": 3}
            crrspec: file.json:1:1: error: the object has 3 properties, more than the maximum of 2
            """,
            fix: "Remove properties until the object is within the bound."
        ),
        Explanation(
            id: "minItems", kind: .keyword,
            title: "The array has fewer items than the schema requires.",
            description: "`minItems` is the least number of items an array has; `minItems: 1` is how a schema says a list may not be empty (a bid needs at least one curve point). The error is positioned at the array's opening bracket.",
            example: """
            schema:  {"bidPoints": {"type": "array", "minItems": 1}}
            file:    {"bidPoints": []}
            crrspec: file.json:1:15: error: the array has 0 items, fewer than the minimum of 1
            """,
            fix: "Add the items the array lacks."
        ),
        Explanation(
            id: "maximum", kind: .keyword,
            title: "The number is greater than the schema's maximum.",
            description: "`maximum` is an inclusive upper bound: the number may equal it. crrspec compares numbers exactly as written, never rounded. CRR percentages (SetAsidePercent) stop at 100.",
            example: """
            schema:  {"SetAsidePercent": {"type": "number", "maximum": 100}}
            file:    {"SetAsidePercent": 100.5}
            crrspec: file.json:1:21: error: 100.5 is greater than the maximum 100
            """,
            fix: "Use a value at or below the maximum."
        ),
        Explanation(
            id: "exclusiveMinimum", kind: .keyword,
            title: "The number is not greater than the schema's exclusive minimum.",
            description: "`exclusiveMinimum` (a number, in draft-07) is an exclusive lower bound: the number must be greater than it, so the bound itself fails. A positive MW is written `exclusiveMinimum: 0`.",
            example: """
            schema:  {"MW": {"type": "number", "exclusiveMinimum": 0}}
            file:    {"MW": 0}
            crrspec: file.json:1:8: error: 0 is equal to the exclusive minimum 0
            """,
            fix: "Use a value greater than the bound."
        ),
        Explanation(
            id: "exclusiveMaximum", kind: .keyword,
            title: "The number is not less than the schema's exclusive maximum.",
            description: "`exclusiveMaximum` (a number, in draft-07) is an exclusive upper bound: the number must be less than it, so the bound itself fails.",
            example: """
            schema:  {"Percent": {"type": "number", "exclusiveMaximum": 100}}
            file:    {"Percent": 100}
            crrspec: file.json:1:13: error: 100 is equal to the exclusive maximum 100
            """,
            fix: "Use a value less than the bound."
        ),
        Explanation(
            id: "maxLength", kind: .keyword,
            title: "The string is longer than the schema allows.",
            description: "`maxLength` is the most characters a string may have (Unicode code points, not bytes). CRR names have service limits, e.g. a market name of at most 50 characters.",
            example: """
            schema:  {"PortfolioName": {"type": "string", "maxLength": 5}}
            file:    {"PortfolioName": "abcdefg"}
            crrspec: file.json:1:19: error: "abcdefg" is 7 characters long, longer than the maximum of 5
            """,
            fix: "Shorten the string to the maximum."
        ),
        Explanation(
            id: "contentMediaType", kind: .keyword,
            title: "The string is not the JSON document it should contain.",
            description: "`contentMediaType: application/json` requires the string (decoded first when `contentEncoding` says base64) to be a well-formed JSON document; crrspec asserts it.",
            example: """
            schema:  {"Payload": {"type": "string", "contentMediaType": "application/json"}}
            file:    {"Payload": "{\\"a\\": "}
            crrspec: file.json:1:13: error: "{\\"a\\": " is not a valid application/json document
            """,
            fix: "Embed a complete, well-formed JSON document (escaped as a JSON string)."
        ),
        Explanation(
            id: "then", kind: .keyword,
            title: "The value passes `if` but fails `then`.",
            description: "With `if`/`then`, a value that passes the `if` schema must pass `then`. The error names the keyword inside `then` that failed; its schema location runs through /then.",
            example: """
            schema:  {"if": {"type": "string"}, "then": {"minLength": 3}}
            file:    "x"
            crrspec: file.json:1:1: error: "x" is 1 character long, shorter than the minimum of 3
                       at instance (root), schema /then/minLength
            """,
            fix: "Make the value pass the `then` schema (or, if the condition should not apply, fail `if`)."
        ),
        Explanation(
            id: "else", kind: .keyword,
            title: "The value fails `if` and also fails `else`.",
            description: "With `if`/`else`, a value that fails the `if` schema must pass `else`. The error names the keyword inside `else` that failed; its schema location runs through /else.",
            example: """
            schema:  {"if": {"type": "string"}, "else": {"type": "number"}}
            file:    true
            crrspec: file.json:1:1: error: expected number, found boolean true
                       at instance (root), schema /else/type
            """,
            fix: "Make the value pass the `else` schema, or make it pass `if`."
        ),
        Explanation(
            id: "allOf", kind: .keyword,
            title: "The value fails one of the schemas it must pass all of.",
            description: "`allOf` lists schemas the value must pass every one of. It never fails by itself: each failing subschema reports its own keyword, with a schema location through /allOf/N. CRR schemas use allOf to combine a shared definition ($ref) with local constraints.",
            example: """
            schema:  {"definitions": {"tou": {"type": "string"}}, "allOf": [{"$ref": "#/definitions/tou"}, {"enum": ["ON", "OFF"]}]}
            file:    "on"
            crrspec: file.json:1:1: error: "on" is not one of the allowed values: "ON", "OFF" (did you mean "ON"?)
                       at instance (root), schema /allOf/1/enum
            """,
            fix: "Fix the value as the inner keyword's explanation says."
        ),
        Explanation(
            id: "items", kind: .keyword,
            title: "An item of the array fails the schema for items.",
            description: "`items` (one schema) applies to every item of an array; as a list it applies position by position (see additionalItems). `items` never fails by itself: the error names the inner keyword, at the item's position.",
            example: """
            schema:  {"items": {"type": "number"}}
            file:    [1, "2"]
            crrspec: file.json:1:5: error: expected number, found string "2"
                       at instance /1, schema /items/type
            """,
            fix: "Fix the item as the inner keyword's explanation says."
        ),
    ]

    static let inputs: [Explanation] = [
        Explanation(
            id: "malformed-input", kind: .input,
            title: "The file is not well-formed JSON, YAML or JSON Lines.",
            description: """
            crrspec reads JSON strictly (RFC 8259): no trailing commas, comments, NaN, byte order mark, invalid UTF-8, \
            lone surrogates or duplicate member names. YAML is read with the 1.2 core schema (ON, OFF, yes stay \
            strings), one document per file, no unknown tags. Every problem is reported with file:line:column and makes \
            the exit status 2: a file that could not be read is never reported as valid. In a JSON Lines file a bad line \
            is reported and the other lines are still checked.
            """,
            example: """
            file:    [1,
                     ]
            crrspec: file.json:1:3: error: trailing comma before ']': remove the comma after the last element
            """,
            fix: "Fix the syntax at the position shown; `crrspec parse FILE` checks well-formedness alone.",
            aliases: ["syntax", "unusable"]
        ),
        Explanation(
            id: "limit", kind: .input,
            title: "The input hit one of crrspec's resource limits.",
            description: """
            To stay safe on hostile input, crrspec bounds nesting depth (--max-depth, 1000), file size (--max-bytes, \
            2 GiB, also the decompressed size of a .gz file), string length (--max-string-bytes, 64 MiB), YAML alias \
            expansion (--max-alias-expansion, 1,000,000 nodes; --max-alias-bytes, 64 MiB of strings) and errors per instance (--max-errors, 1000). Hitting a \
            reader limit makes the file unusable (exit status 2); the message names the option.
            """,
            example: """
            file:    [[[[ ... 100,000 levels ... ]]]]
            crrspec: deep.json:1:1001: error: nesting deeper than 1000 levels (raise it with --max-depth)
            """,
            fix: "Raise the limit the message names if the input is legitimate, or fix whatever produces such input."
        ),
        Explanation(
            id: "schema-auto", kind: .input,
            title: "--schema auto could not tell which catalog schema a file follows.",
            description: """
            With --schema auto, crrspec compares the field names of a download file's records with the properties of \
            every current catalog download schema and picks the best match. When no schema matches well enough, or two \
            match equally well, the file is reported as unusable with the closest candidates and their scores.
            """,
            example: """
            crrspec: notes.json: error: --schema auto: no catalog schema fits the fields Comment, Author; closest: ...
            """,
            fix: "Name the schema with --schema NAME (crrspec catalog lists them), or check that the file really is a CRR download."
        ),
        Explanation(
            id: "input-unreadable", kind: .input,
            title: "A file named on the command line could not be read or parsed.",
            description: """
            crrspec lint reports a file it cannot use as an input-unreadable finding instead of linting it: no such \
            file or folder, a file it may not read, or malformed JSON or YAML (the finding carries the position of the \
            syntax error). It makes the exit status 2 whatever --fail-on says, and no baseline or x-lint-ignore hides it: \
            a file that was never checked is never reported as clean.
            """,
            example: """
            crrspec lint specs/missing.yaml
            crrspec: specs/missing.yaml: error: no such file or folder [input-unreadable]
            """,
            fix: "Correct the path, or fix the syntax at the position shown (`crrspec parse FILE` checks well-formedness alone)."
        ),
        Explanation(
            id: "invalid", kind: .input,
            title: "The file is invalid; --fast stopped at the first failure without listing errors.",
            description: "With --fast, crrspec validate stops evaluating a file at its first failing keyword and reports only that the file is invalid, which is quicker on large files. Its exit status is 1, as without --fast.",
            example: """
            crrspec validate --fast --schema auto download.json
            crrspec: download.json: invalid (--fast stops at the first failure; run without --fast to list the errors)
            """,
            fix: "Run again without --fast to see each error with its position and keyword."
        ),
    ]
}
