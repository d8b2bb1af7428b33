/// Lint rules over positioned documents (see LintEngine).
public enum LintModule {}
