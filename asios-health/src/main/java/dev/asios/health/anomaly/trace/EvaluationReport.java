package dev.asios.health.anomaly.trace;

import dev.asios.health.anomaly.Anomaly;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How well a detector found the labelled faults of a trace, episode by episode (see
 * {@link EpisodeScoring} for the rules).
 *
 * @param outcomes each scored window, detected or missed
 * @param windowsInWarmUp windows that started before the detector graded, not scored
 * @param anomalies every anomaly found
 * @param truePositives anomalies that overlap a window (with the grace)
 * @param normalMs how long the scored trace was normal, in milliseconds
 */
public record EvaluationReport(List<WindowOutcome> outcomes, int windowsInWarmUp, List<Anomaly> anomalies, int truePositives,
        long normalMs) {

    private static final double MS_PER_HOUR = 3_600_000.0;

    /** Copies the lists. */
    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
        anomalies = List.copyOf(anomalies);
    }

    /** Windows an anomaly overlapped. */
    public long detected() {
        return outcomes.stream().filter(WindowOutcome::detected).count();
    }

    /** Anomalies outside every window and its grace. */
    public int falseAlarms() {
        return anomalies.size() - truePositives;
    }

    /** True positives over all anomalies; NaN when there was none. */
    public double precision() {
        return anomalies.isEmpty() ? Double.NaN : (double) truePositives / anomalies.size();
    }

    /** Detected windows over scored windows; NaN when there was none. */
    public double recall() {
        return outcomes.isEmpty() ? Double.NaN : (double) detected() / outcomes.size();
    }

    /** False alarms per hour of normal, scored trace; NaN for an empty one. */
    public double falseAlarmsPerHour() {
        return normalMs == 0 ? Double.NaN : falseAlarms() / (normalMs / MS_PER_HOUR);
    }

    /** The mean time to detect over the detected windows, in milliseconds. */
    public OptionalDouble meanTimeToDetectMs() {
        return outcomes.stream().filter(WindowOutcome::detected).mapToLong(o -> o.timeToDetectMs().getAsLong()).average();
    }

    /** Recall per fault label, by label. */
    public Map<String, Double> recallByLabel() {
        Map<String, int[]> counts = new TreeMap<>();
        for (WindowOutcome outcome : outcomes) {
            int[] c = counts.computeIfAbsent(outcome.window().label(), label -> new int[2]);
            c[0] += outcome.detected() ? 1 : 0;
            c[1]++;
        }
        Map<String, Double> recall = new TreeMap<>();
        counts.forEach((label, c) -> recall.put(label, (double) c[0] / c[1]));
        return recall;
    }

    /** The report for people, one figure a line. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "windows scored: %d (%d more started during warm-up, not scored)%n", outcomes.size(), windowsInWarmUp));
        out.append(String.format(Locale.ROOT, "anomalies: %d (%d true, %d false alarms)%n", anomalies.size(), truePositives, falseAlarms()));
        out.append(String.format(Locale.ROOT, "precision: %s%n", ratio(precision())));
        out.append(String.format(Locale.ROOT, "recall: %s (%d of %d windows)%n", ratio(recall()), detected(), outcomes.size()));
        recallByLabel().forEach((label, r) -> out.append(String.format(Locale.ROOT, "recall %s: %s%n", label, ratio(r))));
        out.append(String.format(Locale.ROOT, "false alarms per hour: %s (over %.2f normal hours)%n",
                Double.isNaN(falseAlarmsPerHour()) ? "n/a" : String.format(Locale.ROOT, "%.2f", falseAlarmsPerHour()), normalMs / MS_PER_HOUR));
        out.append("mean time to detect: ").append(meanTimeToDetectMs().isPresent()
                ? String.format(Locale.ROOT, "%.1f s", meanTimeToDetectMs().getAsDouble() / 1000) : "n/a").append(System.lineSeparator());
        return out.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
