package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roll-up, retention and the disk budget, on recorded timestamps instead of a clock: nothing sleeps. */
class SampleStoreMaintenanceTest {

    /** A minute's start, so that six rounds ten seconds apart fill each minute. */
    private static final long T0 = 28_333_333L * 60_000;
    private static final long MINUTE = 60_000;

    @TempDir
    Path state;

    private final MetricRegistry registry = new MetricRegistry();
    private final Series counter = registry.counter("asios_test_events", "Events seen.", null).series();
    private final Series gauge = registry.gauge("asios_test_level", "A level.", null).series();

    @Test
    void roundsRollUpIntoMinutesAndExpireAfterTheRawRetention() {
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            int rounds = 3 * 360;
            for (int i = 0; i < rounds; i++) {
                counter.set(i);
                gauge.set(i % 6);
                store.record(T0 + i * 10_000L, registry);
            }
            long now = T0 + (rounds - 1) * 10_000L;
            assertThat(store.maintain(now)).as("a call rolls up 10 minutes and deletes their expired rounds").isEqualTo(SampleStore.MAX_UNITS_PER_CALL + 1);
            int calls = 1;
            while (store.maintain(now) > 0) {
                calls++;
            }
            assertThat(calls).as("179 minutes to roll up, 10 per call, then the expired rounds").isGreaterThan(17);

            History gauges = store.history(gauge.key(), T0, now, 10_000).orElseThrow();
            assertThat(gauges.resolution()).isEqualTo(Resolution.MINUTE);
            assertThat(gauges.points()).as("179 complete minutes, then the 6 rounds of the last").hasSize(179 + 6);
            assertThat(gauges.points().getFirst()).isEqualTo(new Point(T0 + 50_000, 2.5, 0, 5));

            History counts = store.history(counter.key(), T0, now, 10_000).orElseThrow();
            assertThat(counts.points().get(1)).as("a counter's last value in its minute, when it was taken").isEqualTo(Point.of(T0 + MINUTE + 50_000, 11));
            assertThat(counts.rates()).allSatisfy(rate -> assertThat(rate.perSecond()).as("across minute rows and rounds too")
                    .isCloseTo(0.1, offset(1e-9)));

            History recent = store.history(gauge.key(), now - 30 * MINUTE, now, 10_000).orElseThrow();
            assertThat(recent.resolution()).isEqualTo(Resolution.RAW);
            assertThat(recent.points()).hasSize(181);
            assertThat(store.history(gauge.key(), now - 61 * MINUTE, now, 10_000).orElseThrow().resolution())
                    .as("rounds older than an hour are gone").isEqualTo(Resolution.MINUTE);
        }
    }

    @Test
    void minutesExpireAfterTheMinuteRetentionAndTheirSeriesAreForgotten() {
        StoreSettings settings = SampleStoreTest.NO_RESERVE.withRetention(Duration.ofMinutes(2), Duration.ofMinutes(10));
        try (SampleStore store = SampleStore.open(state, settings)) {
            for (int i = 0; i < 6 * 20; i++) {
                counter.set(i);
                store.record(T0 + i * 10_000L, registry);
            }
            long now = T0 + 20 * MINUTE;
            while (store.maintain(now) > 0) {
                // Catch up.
            }
            History history = store.history(counter.key(), T0, now, 1000).orElseThrow();
            assertThat(history.points().getFirst().tsMs()).as("minutes older than 10 are gone").isEqualTo(T0 + 10 * MINUTE + 50_000);

            while (store.maintain(now + 30 * MINUTE) > 0) {
                // Everything expires.
            }
            assertThat(store.listSeries(Optional.empty(), Map.of())).isEmpty();
            counter.set(1);
            store.record(now + 30 * MINUTE, registry);
            assertThat(store.latest(counter.key())).as("a forgotten series is written again").contains(Point.of(now + 30 * MINUTE, 1));
        }
    }

    @Test
    void overItsCapTheStoreDeletesItsOldestRoundsFirstAndShrinks() {
        MetricRegistry many = manySeries(250);
        long now = fillPastTheCap(many, 1000L, 600);
        String key = many.families().getFirst().allSeries().getFirst().key();
        assertThat(history(key, T0 + 5 * MINUTE, now).resolution()).as("the oldest rounds are gone").isEqualTo(Resolution.MINUTE);
        assertThat(history(key, T0, now).points().getFirst().tsMs()).as("their minute rows stay").isLessThan(T0 + MINUTE);
        assertThat(history(key, T0, now).points().getLast().tsMs()).isEqualTo(now);
    }

    @Test
    void overItsCapWithoutOldRoundsTheStoreDeletesItsOldestMinutes() {
        MetricRegistry many = manySeries(250);
        long now = fillPastTheCap(many, MINUTE, 600);
        String key = many.families().getFirst().allSeries().getFirst().key();
        assertThat(history(key, T0, now).points().getFirst().tsMs()).as("the oldest minutes are gone").isGreaterThan(T0 + 100 * MINUTE);
        assertThat(history(key, T0, now).points().getLast().tsMs()).isEqualTo(now);
    }

    /** Records {@code rounds} rounds {@code intervalMs} apart into a store capped at 1 MiB, maintained every 60 rounds; the last round's time. */
    private long fillPastTheCap(MetricRegistry many, long intervalMs, int rounds) {
        long cap = StoreSettings.MIN_MAX_BYTES;
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE.withMaxBytes(cap))) {
            long now = T0;
            for (int i = 0; i < rounds; i++) {
                now = T0 + i * intervalMs;
                int s = 0;
                for (Series series : many.families().getFirst().allSeries()) {
                    series.set(Math.sin(i + s++));
                }
                assertThat(store.record(now, many)).isTrue();
                if (i % 60 == 59) {
                    store.maintain(now);
                    assertThat(store.stats().fileBytes()).as("after maintenance at round " + i).isLessThanOrEqualTo(cap);
                }
            }
            store.maintain(now);
            assertThat(store.stats().fileBytes()).isLessThanOrEqualTo(cap);
            return now;
        }
    }

    private History history(String key, long fromMs, long toMs) {
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            return store.history(key, fromMs, toMs, 10_000).orElseThrow();
        }
    }

    private static MetricRegistry manySeries(int count) {
        MetricRegistry many = new MetricRegistry();
        MetricFamily family = many.gauge("asios_test_value", "A value.", null, "n");
        for (int s = 0; s < count; s++) {
            family.series(Integer.toString(s));
        }
        return many;
    }

    @Test
    void withoutRoomOnTheDiskRoundsAreSkippedNotWritten() {
        StoreSettings noRoom = StoreSettings.DEFAULTS.withMinFree(Long.MAX_VALUE / 4, 0);
        counter.set(1);
        try (SampleStore store = SampleStore.open(state, noRoom)) {
            assertThat(store.record(T0, registry)).isFalse();
            assertThat(store.stats().roundsSkipped()).isEqualTo(1);
            assertThat(store.stats().budgetBytes()).isZero();
            assertThat(store.latest(counter.key())).isEmpty();
        }
    }
}
