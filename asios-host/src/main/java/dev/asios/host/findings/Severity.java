package dev.asios.host.findings;

/** How much a finding hurts AI work; declared worst first, so natural order sorts worst first. */
public enum Severity {
    /** Breaks or badly slows AI work (for example GPU peer traffic through the CPU). */
    CRITICAL,
    /** Costs measurable throughput or latency. */
    WARNING,
    /** Worth knowing; may be deliberate. */
    INFO
}
