package dev.asios.bench;

import java.util.Locale;

/** The five measured targets of ASIOS, by their name on the command line. */
public enum Target {
    /** Scheduling jitter: timer wake-up latency and OS noise on chosen CPUs (reference: cyclictest). */
    JITTER,
    /** Memory bandwidth: STREAM copy, scale, add and triad (reference: a STREAM build, likwid-bench or stress-ng). */
    MEMORY,
    /** Storage throughput: sequential O_DIRECT read and write, and a model load (reference: fio). */
    STORAGE,
    /** Network throughput: a TCP stream between two endpoints (reference: iperf3). */
    NETWORK,
    /** End-to-end AI: an inference loop's throughput and tail latency. */
    E2E;

    /**
     * Whether the target measures what CPU isolation is for (scheduling latency, an inference
     * loop): with a profile that isolates CPUs, A/B runs it on the isolated CPUs; the other
     * targets run on the housekeeping CPUs.
     */
    public boolean onIsolatedCpus() {
        return this == JITTER || this == E2E;
    }

    /** The name on the command line: {@code jitter}, {@code memory}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
