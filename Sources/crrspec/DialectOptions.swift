import ArgumentParser
import JSONSchema

/// How schemas are read, shared by `validate` and `metaschema`: the dialect of schemas without
/// `$schema`, and whether `format` and the content keywords assert.
struct DialectOptions: ParsableArguments {
    @Option(name: .customLong("default-dialect"),
            help: ArgumentHelp("The dialect of schemas without $schema: draft-04, draft-06 or draft-07. A schema's own $schema always wins; 2019-09, 2020-12 and unknown dialects exit 2.", valueName: "DIALECT"))
    var defaultDialect: Dialect = .draft7

    @Option(name: .long,
            help: ArgumentHelp("format, contentMediaType and contentEncoding: assert (a value that does not match is an error; the default, as CRR interfaces need) or annotate (never an error, as most validators do by default; the CRR date-time rule goes with them).", valueName: "MODE"))
    var formats: FormatMode = .assert

    /// `options` with the format mode applied.
    func apply(_ options: CompileOptions) -> CompileOptions {
        var options = options
        if formats == .annotate {
            options.assertFormats = false
            options.assertContent = false
        }
        return options
    }
}

/// `--formats`: whether format-like keywords are checked.
enum FormatMode: String, ExpressibleByArgument, CaseIterable {
    case assert
    case annotate
}

extension Dialect: ExpressibleByArgument {
    public init?(argument: String) {
        guard let dialect = Dialect.named(argument) else { return nil }
        self = dialect
    }
    public static var allValueStrings: [String] { Dialect.all.map(\.name) }
    public var defaultValueDescription: String { name }
}
