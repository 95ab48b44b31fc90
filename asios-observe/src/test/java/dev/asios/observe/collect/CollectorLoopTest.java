package dev.asios.observe.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.observe.metric.MetricRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollectorLoopTest {

    private final MetricRegistry registry = new MetricRegistry();

    private static Collector collector(String name, Availability availability, Runnable work) {
        return new Collector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Availability availability() {
                return availability;
            }

            @Override
            public void collect() {
                work.run();
            }
        };
    }

    private double errors(String collector) {
        return registry.family("asios_collector_errors").orElseThrow().series(collector).value();
    }

    @Test
    void aFailingCollectorOrListenerIsCountedAndTheRoundGoesOn() {
        AtomicInteger good = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger never = new AtomicInteger();
        List<Long> rounds = new ArrayList<>();
        CollectorLoop loop = new CollectorLoop(List.of(
                collector("bad", Availability.AVAILABLE, () -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("/proc/stat vanished");
                    }
                }),
                collector("off", Availability.unavailable("no GPU here"), never::incrementAndGet),
                collector("good", Availability.AVAILABLE, good::incrementAndGet)), Duration.ofSeconds(1), registry);
        loop.onRound(now -> {
            throw new IllegalStateException("disk full");
        });
        loop.onRound(rounds::add);

        assertThat(loop.doWork()).isEqualTo(1);
        assertThat(loop.doWork()).isEqualTo(2);

        assertThat(good.get()).isEqualTo(2);
        assertThat(never.get()).isZero();
        assertThat(rounds).hasSize(2);
        assertThat(loop.lastRoundMs()).isEqualTo(rounds.get(1));
        assertThat(errors("bad")).isEqualTo(1);
        assertThat(errors("good")).isZero();
        assertThat(errors(CollectorLoop.LISTENERS)).isEqualTo(2);
        CollectorStatus bad = loop.status().getFirst();
        assertThat(bad.collections()).isEqualTo(1);
        assertThat(bad.errors()).isEqualTo(1);
        assertThat(bad.lastError()).hasValue("/proc/stat vanished");
        assertThat(bad.lastFailed()).isFalse();
        assertThat(loop.status().get(1).availability().reason()).isEqualTo("no GPU here");
    }

    @Test
    void runsAtItsIntervalOnItsThreadUntilClosed() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        try (CollectorLoop loop = new CollectorLoop(List.of(collector("c", Availability.AVAILABLE, three::countDown)), Duration.ofMillis(100), registry)) {
            loop.start();
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new CollectorLoop(List.of(), Duration.ofMillis(50), new MetricRegistry())).hasMessageContaining("outside 100 ms .. 1 h");
    }
}
