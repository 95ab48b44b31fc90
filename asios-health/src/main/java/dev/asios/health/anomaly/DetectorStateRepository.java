package dev.asios.health.anomaly;

import java.util.Optional;

/**
 * Where {@link AnomalyWatch} keeps each group's saved detector (the agent: a table of its store),
 * as opaque bytes from {@link DetectorStateCodec}, one blob per group id, the latest replacing the
 * one before. Implementations must be thread-safe; a method may throw any runtime exception, which
 * the watch reports as a {@link DetectorEvent} and survives.
 */
public interface DetectorStateRepository {

    /** The latest saved state of {@code groupId}, if any. */
    Optional<byte[]> load(String groupId);

    /** Saves {@code state} as the latest of {@code groupId}, replacing what was there. */
    void save(String groupId, byte[] state);

    /** A repository that keeps nothing: every detector starts fresh. */
    DetectorStateRepository NONE = new DetectorStateRepository() {
        @Override
        public Optional<byte[]> load(String groupId) {
            return Optional.empty();
        }

        @Override
        public void save(String groupId, byte[] state) {
        }
    };
}
