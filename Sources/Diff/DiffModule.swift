/// Structural diffs and version checks (see SpecDiff).
public enum DiffModule {}
