package dev.asios.agent.store;

/** Which rows a history was read from. */
public enum Resolution {
    /** Every recorded round, kept for the raw retention. */
    RAW,
    /** One row per minute (its point at the minute's last millisecond), then the rounds not yet rolled up. */
    MINUTE
}
