package dev.asios.observe.collect;

import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether one collector is collected this round: after {@code failuresBeforeBackoff} failed
 * rounds in a row it is skipped for a {@link Backoff} wait, and again after each further failure,
 * the waits doubling, until a success ends the run of failures; a collector that ran for the
 * backoff's healthy time since it was last resumed starts again at the first wait. Before each
 * wait the {@link RestartPermit} is asked; a refusal keeps the collector skipped until the
 * permit's retry time, when it is asked again. Used from the loop's thread; {@link #status} from
 * any thread (the caller synchronizes).
 */
final class CollectorBackoff {

    private final String collector;
    private final int failuresBeforeBackoff;
    private final Backoff waits;
    private long failuresInARow;
    private long resumedAtNanos;
    private long skipUntilNanos;
    private long skipUntilEpochMs;
    private Stop pending;
    private String note = "";

    CollectorBackoff(String collector, int failuresBeforeBackoff, Backoff.Settings settings, long nowNanos) {
        this.collector = collector;
        this.failuresBeforeBackoff = failuresBeforeBackoff;
        this.waits = new Backoff(settings);
        this.resumedAtNanos = nowNanos;
        this.skipUntilNanos = nowNanos;
    }

    /** Whether to collect at {@code nowNanos}; asks the permit again when a refusal has run out. */
    boolean due(long nowNanos, RestartPermit permit) {
        if (nowNanos - skipUntilNanos < 0) {
            return false;
        }
        if (pending != null) {
            ask(nowNanos, permit);
            return false;
        }
        if (!note.isEmpty()) {
            note = "";
            resumedAtNanos = nowNanos;
        }
        return true;
    }

    /** After a collection at {@code nowNanos}: counts a failure ({@code error} its message) or ends the run of failures. */
    void collected(boolean ok, String error, long nowNanos, RestartPermit permit) {
        if (ok) {
            failuresInARow = 0;
            return;
        }
        failuresInARow++;
        if (failuresInARow >= failuresBeforeBackoff) {
            Duration ranFor = Duration.ofNanos(nowNanos - resumedAtNanos);
            pending = new Stop(Stop.COLLECTOR, collector, failuresInARow + " collections failed in a row, the latest: " + error, ranFor,
                    waits.afterRun(ranFor));
            ask(nowNanos, permit);
        }
    }

    private void ask(long nowNanos, RestartPermit permit) {
        RestartPermit.Answer answer = RestartPermit.ask(permit, pending);
        Duration skip = answer.allowed() ? pending.backoff() : Duration.ofMillis(Math.max(0, answer.retryAtEpochMs() - System.currentTimeMillis()));
        skipUntilNanos = nowNanos + skip.toNanos();
        skipUntilEpochMs = System.currentTimeMillis() + skip.toMillis();
        note = pending.why() + "; " + (answer.allowed() ? "backing off for " + pending.backoff().toMillis() + " ms" : answer.describe());
        if (answer.allowed()) {
            pending = null;
        }
    }

    /** Failed collections since the last success. */
    long failuresInARow() {
        return failuresInARow;
    }

    /** Until when it is skipped, while it is backed off. */
    Optional<Instant> backedOffUntil() {
        return note.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(skipUntilEpochMs));
    }

    /** Why it is backed off, and until when or why it stays skipped; empty when it is not. */
    String note() {
        return note;
    }
}
