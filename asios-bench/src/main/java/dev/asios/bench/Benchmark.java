package dev.asios.bench;

/**
 * One target's benchmark: runs the ASIOS probe and the reference tool alternately, round by round,
 * on the same CPUs and sizes, and returns both. Implementations are stateless.
 */
public interface Benchmark {

    /** The target measured. */
    Target target();

    /**
     * Measures the target.
     *
     * @throws BenchException if an option is bad or the host cannot run the probe
     */
    TargetResult run(BenchOptions options, Progress progress) throws BenchException;
}
