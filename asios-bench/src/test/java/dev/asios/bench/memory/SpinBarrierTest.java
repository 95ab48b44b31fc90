package dev.asios.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The spinning barrier: no thread passes a phase before all arrived, and a broken barrier fails its waiters. */
class SpinBarrierTest {

    @Test
    void noThreadRunsAheadOfAPhase() throws InterruptedException {
        SpinBarrier barrier = new SpinBarrier(2);
        AtomicInteger arrivals = new AtomicInteger();
        AtomicReference<String> error = new AtomicReference<>();
        Runnable party = () -> {
            for (int phase = 1; phase <= 2000; phase++) {
                arrivals.incrementAndGet();
                barrier.await();
                if (arrivals.get() < 2 * phase) {
                    error.set("passed phase " + phase + " after " + arrivals.get() + " arrivals");
                }
                barrier.await();
            }
        };
        Thread first = Thread.ofPlatform().start(party);
        Thread second = Thread.ofPlatform().start(party);
        first.join();
        second.join();
        assertThat(error.get()).isNull();
        assertThat(arrivals.get()).isEqualTo(4000);
    }

    @Test
    void aBrokenBarrierFailsItsWaiters() throws InterruptedException {
        SpinBarrier barrier = new SpinBarrier(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                barrier.await();
            } catch (SpinBarrier.BrokenException e) {
                thrown.set(e);
            }
        });
        barrier.breakBarrier();
        waiter.join();
        assertThat(thrown.get()).hasMessage("another thread of the barrier failed");
        assertThatThrownBy(() -> new SpinBarrier(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
