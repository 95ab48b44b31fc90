package dev.asios.bench.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The probes' loops allocate nothing while they record, after their warm-up. */
class ProbeAllocationTest {

    // Slack for what the JVM may charge to a thread outside the loop (a deoptimization, a class's first use).
    private static final long ALLOWED_BYTES = 512;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void theWakeupLoopAllocatesNothing() throws Exception {
        long allocated = onFreshThread(() -> {
            WakeupLoop loop = new WakeupLoop(TimeUnit.MICROSECONDS.toNanos(200));
            loop.warmUp();
            loop.record(TimeUnit.MILLISECONDS.toNanos(20));
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long wakeUps = loop.record(TimeUnit.MILLISECONDS.toNanos(300));
            long after = THREADS.getCurrentThreadAllocatedBytes();
            assertThat(wakeUps).isPositive();
            return after - before;
        });
        assertThat(allocated).isLessThanOrEqualTo(ALLOWED_BYTES);
    }

    @Test
    void theNoiseLoopAllocatesNothing() throws Exception {
        long allocated = onFreshThread(() -> {
            NoiseLoop loop = new NoiseLoop(1_000);
            loop.warmUp();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            loop.record(TimeUnit.MILLISECONDS.toNanos(300));
            long after = THREADS.getCurrentThreadAllocatedBytes();
            return after - before;
        });
        assertThat(allocated).isLessThanOrEqualTo(ALLOWED_BYTES);
    }

    private interface Work {
        long run() throws Exception;
    }

    private static long onFreshThread(Work work) throws Exception {
        CompletableFuture<Long> result = new CompletableFuture<>();
        THREADS.getCurrentThreadAllocatedBytes();
        Thread.ofPlatform().name("asios-allocation-test").start(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }).join();
        return result.get();
    }
}
