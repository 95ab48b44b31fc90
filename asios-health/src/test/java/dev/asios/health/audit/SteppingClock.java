package dev.asios.health.audit;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock for tests that moves only when told. Thread-safe. */
final class SteppingClock implements InstantSource {

    private final AtomicLong epochMs;

    SteppingClock(long startEpochMs) {
        this.epochMs = new AtomicLong(startEpochMs);
    }

    void advanceMs(long ms) {
        epochMs.addAndGet(ms);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMs.get());
    }

    @Override
    public long millis() {
        return epochMs.get();
    }
}
