package dev.asios.bench.memory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a fixed number of pinned threads that spin while they wait, so that they
 * leave it within nanoseconds of each other and allocate nothing (unlike
 * {@link java.util.concurrent.CyclicBarrier}, which makes an object every trip). Any party can
 * break it; every wait then fails. Thread-safe.
 */
final class SpinBarrier {

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int phase;
    private volatile boolean broken;

    /** A barrier for {@code parties} threads, at least 1. */
    SpinBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until all parties have arrived.
     *
     * @throws BrokenException if the barrier is or becomes broken
     */
    void await() {
        int current = phase;
        if (arrived.incrementAndGet() == parties) {
            // Reset before releasing: a released thread may arrive at the next phase at once.
            arrived.set(0);
            phase = current + 1;
            return;
        }
        while (phase == current) {
            if (broken) {
                throw new BrokenException();
            }
            Thread.onSpinWait();
        }
    }

    /** Thrown to the threads that wait at a broken barrier. */
    static final class BrokenException extends IllegalStateException {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        BrokenException() {
            super("another thread of the barrier failed");
        }
    }

    /** Breaks the barrier: threads waiting now, and later, fail. */
    void breakBarrier() {
        broken = true;
    }
}
