package dev.asios.bench;

/** Which way a number gets better. */
public enum Direction {
    /** Bandwidth, throughput: more is better. */
    HIGHER_IS_BETTER,
    /** Latency, jitter: less is better. */
    LOWER_IS_BETTER
}
