/// Shell-style patterns for file paths and rule ids: `*` matches within one path segment,
/// `**` across segments, `?` one character. A pattern without `/` matches a path's last
/// segment too (`*.yaml` matches `openapi/a.yaml`).
public enum Glob {
    public static func matches(pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        if match(p, 0, t, 0) { return true }
        if !pattern.contains("/"), let slash = t.lastIndex(of: "/") {
            return match(p, 0, Array(t[(slash + 1)...]), 0)
        }
        return false
    }

    private static func match(_ p: [Unicode.Scalar], _ i: Int, _ t: [Unicode.Scalar], _ j: Int) -> Bool {
        if i == p.count { return j == t.count }
        if p[i] == "*" {
            let doubleStar = i + 1 < p.count && p[i + 1] == "*"
            var next = doubleStar ? i + 2 : i + 1
            if doubleStar, next < p.count, p[next] == "/" { next += 1 }
            var k = j
            while true {
                if match(p, next, t, k) { return true }
                if k == t.count || (!doubleStar && t[k] == "/") { return false }
                k += 1
            }
        }
        guard j < t.count else { return false }
        if p[i] == "?" ? t[j] != "/" : p[i] == t[j] { return match(p, i + 1, t, j + 1) }
        return false
    }
}
