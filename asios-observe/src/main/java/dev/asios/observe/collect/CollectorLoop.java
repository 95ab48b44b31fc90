package dev.asios.observe.collect;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The agent loop that runs every available collector once per interval, on one platform thread,
 * at a fixed rate (a slow round does not shift the next ones). A collector that throws is
 * counted and reported, never stops the loop; one that failed {@link #FAILURES_BEFORE_BACKOFF}
 * rounds in a row is backed off ({@link CollectorBackoff}: skipped for doubling waits, each one
 * first allowed by the {@link RestartPermit}, until it succeeds again). After each round the listeners get the round's
 * wall-clock time in epoch milliseconds (the store records then); a listener that throws is
 * counted under {@link #LISTENERS} and does not stop the loop either.
 *
 * <p>Exposes its own cost: {@code asios_collector_duration_seconds{collector}} and
 * {@code asios_collector_errors_total{collector}}. Thread-safe to start, stop and query.
 */
public final class CollectorLoop implements AutoCloseable {

    /** The {@code collector} label under which failures of the round listeners (the store) are counted. */
    public static final String LISTENERS = "round-listeners";

    /** Failed rounds in a row before a collector is backed off, in the agent. */
    public static final int FAILURES_BEFORE_BACKOFF = 10;

    private final List<Slot> slots = new ArrayList<>();
    private volatile RestartPermit permit = RestartPermit.ALWAYS;
    private final long intervalNanos;
    private final List<LongConsumer> roundListeners = new CopyOnWriteArrayList<>();
    private final MetricFamily duration;
    private final MetricFamily errors;
    private final Series listenerErrors;
    private long listenerFailures;
    private Thread thread;
    private volatile boolean running;
    private volatile long lastRoundMs;

    /** A loop over {@code collectors} that backs a collector off after {@value #FAILURES_BEFORE_BACKOFF} failures in a row, as {@link Backoff#STANDARD}. */
    public CollectorLoop(List<Collector> collectors, Duration interval, MetricRegistry registry) {
        this(collectors, interval, registry, Backoff.STANDARD, FAILURES_BEFORE_BACKOFF);
    }

    /**
     * A loop over {@code collectors}, whose availability is asked once, here.
     *
     * @param backoff the waits of a collector backed off
     * @param failuresBeforeBackoff failed rounds in a row before a collector is backed off, at least 1
     * @throws IllegalArgumentException if the interval is under 100 ms or over one hour, or
     *     {@code failuresBeforeBackoff} is under 1
     */
    public CollectorLoop(List<Collector> collectors, Duration interval, MetricRegistry registry, Backoff.Settings backoff, int failuresBeforeBackoff) {
        if (failuresBeforeBackoff < 1) {
            throw new IllegalArgumentException("failures before a collector backs off must be at least 1, was " + failuresBeforeBackoff);
        }
        if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("interval " + interval.toMillis() + " ms is outside 100 ms .. 1 h");
        }
        this.intervalNanos = interval.toNanos();
        this.duration = registry.gauge("asios_collector_duration_seconds", "How long the latest collection of each collector took.", "seconds", "collector");
        this.errors = registry.counter("asios_collector_errors", "Failed collections per collector.", null, "collector");
        this.listenerErrors = errors.series(LISTENERS);
        listenerErrors.set(0);
        for (Collector collector : collectors) {
            slots.add(new Slot(collector, collector.availability(), duration.series(collector.name()), errors.series(collector.name()),
                    new CollectorBackoff(collector.name(), failuresBeforeBackoff, backoff, System.nanoTime())));
        }
    }

    /** Asks {@code restartPermit} before each backoff of a failing collector, from the loop's thread; {@link RestartPermit#ALWAYS} until set. */
    public void restartPermit(RestartPermit restartPermit) {
        this.permit = restartPermit;
    }

    /** Calls {@code listener} with the epoch milliseconds of every finished round. */
    public void onRound(LongConsumer listener) {
        roundListeners.add(listener);
    }

    /** Runs one round now, on the calling thread; returns the number of collectors that succeeded. */
    public int doWork() {
        int done = 0;
        for (Slot slot : slots) {
            if (slot.availability.available() && slot.collect(permit)) {
                done++;
            }
        }
        long now = System.currentTimeMillis();
        lastRoundMs = now;
        for (LongConsumer listener : roundListeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                listenerErrors.set(++listenerFailures);
            }
        }
        return done;
    }

    /** When the latest round ended, in epoch milliseconds; 0 before the first. */
    public long lastRoundMs() {
        return lastRoundMs;
    }

    /** Starts the loop thread; the first round runs at once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = Thread.ofPlatform().name("asios-collectors").daemon(true).start(this::run);
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            doWork();
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep < 0) {
                next = System.nanoTime();
                continue;
            }
            try {
                Thread.sleep(Duration.ofNanos(sleep));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The status of every collector, in the order given. */
    public List<CollectorStatus> status() {
        List<CollectorStatus> list = new ArrayList<>();
        for (Slot slot : slots) {
            list.add(slot.status());
        }
        return list;
    }

    /** Stops the loop and waits for the round in progress to end. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Slot {
        private final Collector collector;
        private final Availability availability;
        private final Series durationSeconds;
        private final Series errorCount;
        private final CollectorBackoff backoff;
        private long collections;
        private long failures;
        private String lastError;
        private Instant lastErrorAt;
        private long lastDurationNanos;
        private boolean lastFailed;

        Slot(Collector collector, Availability availability, Series durationSeconds, Series errorCount, CollectorBackoff backoff) {
            this.collector = collector;
            this.backoff = backoff;
            this.availability = availability;
            this.durationSeconds = durationSeconds;
            this.errorCount = errorCount;
            errorCount.set(0);
        }

        // Collects unless backed off; whether it collected and succeeded.
        boolean collect(RestartPermit permit) {
            long start = System.nanoTime();
            synchronized (this) {
                if (!backoff.due(start, permit)) {
                    return false;
                }
            }
            boolean ok;
            try {
                collector.collect();
                ok = true;
            } catch (Exception | LinkageError e) {
                ok = false;
                synchronized (this) {
                    failures++;
                    lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    lastErrorAt = Instant.now();
                }
                errorCount.set(failures);
            }
            long took = System.nanoTime() - start;
            synchronized (this) {
                lastDurationNanos = took;
                lastFailed = !ok;
                if (ok) {
                    collections++;
                }
                backoff.collected(ok, lastError, start + took, permit);
            }
            durationSeconds.set(took / 1e9);
            return ok;
        }

        synchronized CollectorStatus status() {
            return new CollectorStatus(collector.name(), availability, collections, failures, Optional.ofNullable(lastError),
                    Optional.ofNullable(lastErrorAt), lastDurationNanos, lastFailed, backoff.failuresInARow(), backoff.backedOffUntil(), backoff.note());
        }
    }
}
