/// ANSI colours for terminal output, or none. crrspec colours only what a terminal shows (or
/// what `--color always` asks for); `NO_COLOR` turns colours off (https://no-color.org).
public struct TextStyle: Sendable, Equatable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// No colours.
    public static let plain = TextStyle(enabled: false)
    /// ANSI colours.
    public static let ansi = TextStyle(enabled: true)

    /// Whether to colour a stream: `mode` is auto, always or never; `isTerminal` says whether
    /// the stream is a terminal; `environment` is the process environment (for `NO_COLOR`
    /// and `TERM=dumb`, which only `auto` honours).
    public static func resolve(mode: String, isTerminal: Bool, environment: [String: String]) -> TextStyle {
        switch mode {
        case "always": return .ansi
        case "never": return .plain
        default:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
            if environment["TERM"] == "dumb" { return .plain }
            return TextStyle(enabled: isTerminal)
        }
    }

    func wrap(_ text: String, _ code: String) -> String { enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }
}
