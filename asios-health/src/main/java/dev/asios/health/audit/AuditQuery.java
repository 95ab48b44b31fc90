package dev.asios.health.audit;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which audit events to read, and in what order: the filters of {@code asios events} and the API.
 * Start from {@link #all()} and narrow it with the {@code with...} methods. Immutable.
 *
 * @param sinceEpochMs only events at or after this time (ms since the epoch)
 * @param untilEpochMs only events before this time
 * @param types only events of these types; empty for all
 * @param subjectPrefix only events whose subject starts with this ({@code cpu/}, {@code run/train-7}); empty for all
 * @param afterSequence only events numbered above this (for polling: the last number seen); 0 for all
 * @param limit at most this many events, 1..{@value #MAX_LIMIT}
 * @param newestFirst the newest first (as {@code asios events} lists them), else the oldest first
 */
public record AuditQuery(long sinceEpochMs, long untilEpochMs, Set<AuditEventType> types, String subjectPrefix, long afterSequence, int limit,
        boolean newestFirst) {

    /** The largest limit. */
    public static final int MAX_LIMIT = 100_000;
    /** The limit of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 100;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a limit out of 1..{@value #MAX_LIMIT}, a negative
     *     {@code afterSequence}, or {@code since} after {@code until}
     */
    public AuditQuery {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        if (limit < 1 || limit > MAX_LIMIT || afterSequence < 0 || sinceEpochMs > untilEpochMs) {
            throw new IllegalArgumentException("an audit query needs a limit of 1.." + MAX_LIMIT + ", afterSequence >= 0 and since <= until; given limit "
                    + limit + ", afterSequence " + afterSequence + ", since " + sinceEpochMs + ", until " + untilEpochMs);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} events of any type and subject. */
    public static AuditQuery all() {
        return new AuditQuery(Long.MIN_VALUE, Long.MAX_VALUE, Set.of(), "", 0, DEFAULT_LIMIT, true);
    }

    /** Only events at or after {@code epochMs}. */
    public AuditQuery withSince(long epochMs) {
        return new AuditQuery(epochMs, untilEpochMs, types, subjectPrefix, afterSequence, limit, newestFirst);
    }

    /** Only events before {@code epochMs}. */
    public AuditQuery withUntil(long epochMs) {
        return new AuditQuery(sinceEpochMs, epochMs, types, subjectPrefix, afterSequence, limit, newestFirst);
    }

    /** Only events of {@code eventTypes} (all when empty). */
    public AuditQuery withTypes(Set<AuditEventType> eventTypes) {
        return new AuditQuery(sinceEpochMs, untilEpochMs, eventTypes, subjectPrefix, afterSequence, limit, newestFirst);
    }

    /** Only events whose subject starts with {@code prefix}. */
    public AuditQuery withSubjectPrefix(String prefix) {
        return new AuditQuery(sinceEpochMs, untilEpochMs, types, prefix, afterSequence, limit, newestFirst);
    }

    /** Only events numbered above {@code sequence}. */
    public AuditQuery withAfterSequence(long sequence) {
        return new AuditQuery(sinceEpochMs, untilEpochMs, types, subjectPrefix, sequence, limit, newestFirst);
    }

    /** At most {@code count} events. */
    public AuditQuery withLimit(int count) {
        return new AuditQuery(sinceEpochMs, untilEpochMs, types, subjectPrefix, afterSequence, count, newestFirst);
    }

    /** The newest first ({@code true}) or the oldest first. */
    public AuditQuery withNewestFirst(boolean newest) {
        return new AuditQuery(sinceEpochMs, untilEpochMs, types, subjectPrefix, afterSequence, limit, newest);
    }

    /** Whether {@code event} passes the filters. */
    public boolean matches(AuditEvent event) {
        return mayMatch(event.sequence(), event.epochMs()) && (types.isEmpty() || types.contains(event.type())) && event.subject().startsWith(subjectPrefix);
    }

    /** Whether an event with this number and time can pass the filters, before the rest of it is read. */
    boolean mayMatch(long sequence, long epochMs) {
        return epochMs >= sinceEpochMs && epochMs < untilEpochMs && sequence > afterSequence;
    }
}
