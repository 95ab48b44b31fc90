package dev.asios.health.anomaly.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The detector's quality with its defaults, on generated three-hour traces ({@link SyntheticTraces}:
 * signals from 0.004 to 1e9 on a slow wave with 3% noise, a fault every 400 to 800 seconds), over
 * several seeds, episode by episode ({@link EpisodeScoring}). Prints the numbers it asserts on.
 */
class DetectionQualityTest {

    private static final int ROUNDS = 3 * 3600;
    private static final int FIRST_FAULT_ROUND = 600;
    private static final List<Long> SEEDS = List.of(1L, 2L);
    private static final List<Long> MORE_SEEDS = LongStream.rangeClosed(1, 5).boxed().toList();

    /** Counts pooled over the seeds' reports. */
    private record Pooled(int windows, long detected, int anomalies, int truePositives, double normalHours, double meanTimeToDetectS) {

        static Pooled of(List<EvaluationReport> reports) {
            long detected = reports.stream().mapToLong(EvaluationReport::detected).sum();
            double detectMs = reports.stream().flatMap(r -> r.outcomes().stream()).filter(WindowOutcome::detected)
                    .mapToLong(o -> o.timeToDetectMs().getAsLong()).average().orElse(Double.NaN);
            return new Pooled(reports.stream().mapToInt(r -> r.outcomes().size()).sum(), detected,
                    reports.stream().mapToInt(r -> r.anomalies().size()).sum(), reports.stream().mapToInt(EvaluationReport::truePositives).sum(),
                    reports.stream().mapToLong(EvaluationReport::normalMs).sum() / 3_600_000.0, detectMs / 1000);
        }

        double precision() {
            return (double) truePositives / anomalies;
        }

        double recall() {
            return (double) detected / windows;
        }

        double falseAlarmsPerHour() {
            return (anomalies - truePositives) / normalHours;
        }

        Pooled print(String what) {
            System.out.printf(Locale.ROOT, "quality %s: precision %.3f (%d of %d anomalies), recall %.3f (%d of %d windows),"
                    + " %.2f false alarms per hour, mean time to detect %.1f s%n", what, precision(), truePositives, anomalies, recall(),
                    detected, windows, falseAlarmsPerHour(), meanTimeToDetectS);
            return this;
        }
    }

    private static Pooled faults(List<Long> seeds, int signals, SyntheticTraces.Faults faults) {
        return Pooled.of(seeds.stream()
                .map(seed -> TraceEvaluator.defaults().evaluate(SyntheticTraces.withFaults(seed, signals, ROUNDS, FIRST_FAULT_ROUND, faults)))
                .toList());
    }

    private static Pooled quiet(List<Long> seeds, int signals) {
        return Pooled.of(seeds.stream().map(seed -> TraceEvaluator.defaults().evaluate(SyntheticTraces.quiet(seed, signals, ROUNDS))).toList());
    }

    @Test
    void findsClearFaultsOfFourSignalsWithFewFalseAlarms() {
        Pooled pooled = faults(SEEDS, 4, SyntheticTraces.Faults.CLEAR).print("4 signals, clear faults, 2 seeds");
        assertThat(pooled.windows()).isGreaterThan(25);
        assertThat(pooled.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(pooled.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(pooled.falseAlarmsPerHour()).isLessThanOrEqualTo(0.5);
        assertThat(pooled.meanTimeToDetectS()).isLessThanOrEqualTo(20);
    }

    @Test
    void aQuietTraceRaisesFewFalseAlarms() {
        Pooled pooled = quiet(SEEDS, 4).print("4 signals, quiet, 2 seeds");
        assertThat(pooled.normalHours()).isGreaterThan(5);
        assertThat(pooled.falseAlarmsPerHour()).isLessThanOrEqualTo(0.5);
    }

    /** Five seeds of each: four and eight signals, clear and subtle faults, and quiet traces; weaker bounds where it is harder. */
    @Test
    @Tag("slow")
    void moreSeedsLargerGroupsAndSubtleFaults() {
        Pooled four = faults(MORE_SEEDS, 4, SyntheticTraces.Faults.CLEAR).print("4 signals, clear faults, 5 seeds");
        assertThat(four.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(four.precision()).isGreaterThanOrEqualTo(0.9);
        Pooled subtle = faults(MORE_SEEDS, 4, SyntheticTraces.Faults.SUBTLE).print("4 signals, subtle faults, 5 seeds");
        assertThat(subtle.recall()).isGreaterThanOrEqualTo(0.35);
        assertThat(quiet(MORE_SEEDS, 4).print("4 signals, quiet, 5 seeds").falseAlarmsPerHour()).isLessThanOrEqualTo(0.5);
        Pooled eight = faults(MORE_SEEDS, 8, SyntheticTraces.Faults.CLEAR).print("8 signals, clear faults, 5 seeds");
        assertThat(eight.recall()).isGreaterThanOrEqualTo(0.6);
        assertThat(eight.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(quiet(MORE_SEEDS, 8).print("8 signals, quiet, 5 seeds").falseAlarmsPerHour()).isLessThanOrEqualTo(0.5);
    }
}
