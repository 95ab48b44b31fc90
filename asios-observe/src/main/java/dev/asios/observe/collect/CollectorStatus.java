package dev.asios.observe.collect;

import java.time.Instant;
import java.util.Optional;

/**
 * What the loop knows of one collector, for the API's status and {@code asios top}.
 *
 * @param name the collector's name
 * @param availability whether it runs on this host, and why not
 * @param collections successful collections so far
 * @param errors failed collections so far
 * @param lastError the message of the latest failure, if any
 * @param lastErrorAt when it happened
 * @param lastDurationNanos how long the latest collection took
 * @param lastFailed true if the latest collection failed
 * @param failuresInARow failed collections since the latest success
 * @param backedOffUntil while the collector is backed off (skipped after failing too often): until when
 * @param backoff while it is backed off: why, and for how long or why its restart is refused; empty otherwise
 */
public record CollectorStatus(
        String name,
        Availability availability,
        long collections,
        long errors,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        long lastDurationNanos,
        boolean lastFailed,
        long failuresInARow,
        Optional<Instant> backedOffUntil,
        String backoff) {
}
