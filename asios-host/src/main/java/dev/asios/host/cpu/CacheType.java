package dev.asios.host.cpu;

/** What a cache holds, as in {@code cache/indexN/type}. */
public enum CacheType {
    /** Data and instructions. */
    UNIFIED,
    /** Data only. */
    DATA,
    /** Instructions only. */
    INSTRUCTION
}
