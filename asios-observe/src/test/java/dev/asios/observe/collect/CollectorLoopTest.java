package dev.asios.observe.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private static final Backoff.Settings QUICK = new Backoff.Settings(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofSeconds(30));

    @Test
    void aCollectorFailingRoundsInARowIsBackedOffWithDoublingWaitsUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean failing = new AtomicBoolean(true);
        List<Stop> asked = new CopyOnWriteArrayList<>();
        CollectorLoop loop = new CollectorLoop(List.of(collector("disk", Availability.AVAILABLE, () -> {
            calls.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("/proc/diskstats vanished");
            }
        })), Duration.ofSeconds(1), registry, QUICK, 3);
        loop.restartPermit(stop -> {
            asked.add(stop);
            return RestartPermit.Answer.ALLOWED;
        });

        for (int i = 0; i < 5; i++) {
            loop.doWork();
        }

        assertThat(calls.get()).isEqualTo(3);
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().subject()).isEqualTo("collector/disk");
        assertThat(asked.getFirst().why()).isEqualTo("3 collections failed in a row, the latest: /proc/diskstats vanished");
        assertThat(asked.getFirst().backoff()).isEqualTo(Duration.ofMillis(150));
        CollectorStatus status = loop.status().getFirst();
        assertThat(status.failuresInARow()).isEqualTo(3);
        assertThat(status.backedOffUntil()).isPresent();
        assertThat(status.backoff()).isEqualTo(asked.getFirst().why() + "; backing off for 150 ms");

        Thread.sleep(200);
        loop.doWork();
        assertThat(calls.get()).isEqualTo(4);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).backoff()).isEqualTo(Duration.ofMillis(300));

        Thread.sleep(350);
        failing.set(false);
        loop.doWork();
        loop.doWork();
        assertThat(calls.get()).isEqualTo(6);
        status = loop.status().getFirst();
        assertThat(status.failuresInARow()).isZero();
        assertThat(status.backedOffUntil()).isEmpty();
        assertThat(status.backoff()).isEmpty();
        assertThat(errors("disk")).isEqualTo(4);
    }

    @Test
    void aRefusedRestartKeepsTheCollectorSkippedUntilTheRetryTime() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        CollectorLoop loop = new CollectorLoop(List.of(collector("gpu", Availability.AVAILABLE, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("NVML_ERROR_GPU_IS_LOST");
        })), Duration.ofSeconds(1), registry, QUICK, 1);
        long retryAt = System.currentTimeMillis() + 400;
        loop.restartPermit(stop -> asked.incrementAndGet() == 1 ? RestartPermit.Answer.refusedUntil(retryAt, "rate limited") : RestartPermit.Answer.ALLOWED);

        loop.doWork();
        Thread.sleep(200);
        loop.doWork();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(loop.status().getFirst().backoff()).endsWith("restart refused until " + Instant.ofEpochMilli(retryAt) + ": rate limited");
        assertThat(loop.status().getFirst().backedOffUntil()).hasValueSatisfying(until -> assertThat(until.toEpochMilli()).isBetween(retryAt - 50, retryAt + 50));

        Thread.sleep(Math.max(0, retryAt - System.currentTimeMillis()) + 20);
        loop.doWork();
        assertThat(asked.get()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(loop.status().getFirst().backoff()).endsWith("backing off for 150 ms");
        Thread.sleep(200);
        loop.doWork();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void refusesAThresholdBelowOne() {
        assertThatThrownBy(() -> new CollectorLoop(List.of(), Duration.ofSeconds(1), registry, QUICK, 0)).hasMessageContaining("at least 1, was 0");
    }
}
