package dev.asios.agent.store;

/** Which rows a history was read from. */
public enum Resolution {
    /** Every recorded round, kept for the raw retention. */
    RAW,
    /** One row per minute (its point at the time of its last sample), then the rounds not yet rolled up. */
    MINUTE
}
