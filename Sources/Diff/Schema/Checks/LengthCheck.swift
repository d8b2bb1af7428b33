/// String length limits: `max-length-tightened` / `-loosened`, `min-length-tightened` / `-loosened`.
enum LengthCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        LimitComparison.run(pair, checks, keyword: "maxLength", kind: "max-length", isMaximum: true, noun: "maxLength")
        LimitComparison.run(pair, checks, keyword: "minLength", kind: "min-length", isMaximum: false, noun: "minLength")
    }
}
