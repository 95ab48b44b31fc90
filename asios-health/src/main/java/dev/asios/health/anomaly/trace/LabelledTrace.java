package dev.asios.health.anomaly.trace;

import dev.asios.health.signal.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rounds of one group of signals, each with a label: {@link #NORMAL} or the name of the fault
 * injected then. Immutable. Build with {@link #builder(List)}, or parse with
 * {@link LabelledTraceParser}.
 */
public final class LabelledTrace {

    /** The label of a round without a fault. */
    public static final String NORMAL = "0";

    private final List<String> signals;
    private final List<Observation> observations;
    private final List<String> labels;

    private LabelledTrace(List<String> signals, List<Observation> observations, List<String> labels) {
        this.signals = List.copyOf(signals);
        this.observations = List.copyOf(observations);
        this.labels = List.copyOf(labels);
    }

    /** A builder of a trace of {@code signals}. */
    public static Builder builder(List<String> signals) {
        return new Builder(signals);
    }

    /** The signals' names, in the order of each observation's values. */
    public List<String> signals() {
        return signals;
    }

    /** The rounds, in time order. */
    public List<Observation> observations() {
        return observations;
    }

    /** The label of round {@code index}. */
    public String label(int index) {
        return labels.get(index);
    }

    /** How many rounds. */
    public int size() {
        return observations.size();
    }

    /** From the first round to the last, in milliseconds; 0 for fewer than two rounds. */
    public long durationMs() {
        return size() < 2 ? 0 : observations.getLast().epochMs() - observations.getFirst().epochMs();
    }

    /**
     * The trace as {@link LabelledTraceParser} reads it: a header, then a row per round; a NaN
     * value is an empty field. Parsing it gives an equal trace.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(header(signals));
        for (int i = 0; i < size(); i++) {
            appendRow(csv, observations.get(i), labels.get(i));
        }
        return csv.toString();
    }

    /** The header line of a trace of {@code signals}, with its line end. */
    static String header(List<String> signals) {
        return "epoch_ms," + String.join(",", signals) + ",label\n";
    }

    /** Appends the row of one round, with its line end; a NaN value is an empty field. */
    static void appendRow(StringBuilder csv, Observation observation, String label) {
        csv.append(observation.epochMs());
        for (int s = 0; s < observation.size(); s++) {
            double value = observation.value(s);
            csv.append(',').append(Double.isNaN(value) ? "" : Double.toString(value));
        }
        csv.append(',').append(label).append('\n');
    }

    /** The labelled windows: each maximal run of consecutive rounds with the same fault label. */
    public List<LabelledWindow> windows() {
        List<LabelledWindow> windows = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= size(); i++) {
            boolean continues = start >= 0 && i < size() && labels.get(i).equals(labels.get(start));
            if (start >= 0 && !continues) {
                windows.add(new LabelledWindow(labels.get(start), observations.get(start).epochMs(), observations.get(i - 1).epochMs()));
                start = -1;
            }
            if (start < 0 && i < size() && !labels.get(i).equals(NORMAL)) {
                start = i;
            }
        }
        return windows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledTrace other && other.signals.equals(signals) && other.observations.equals(observations)
                && other.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return (signals.hashCode() * 31 + observations.hashCode()) * 31 + labels.hashCode();
    }

    @Override
    public String toString() {
        return "LabelledTrace[" + size() + " rounds of " + signals + "]";
    }

    /** Collects rounds in time order. Not thread-safe. */
    public static final class Builder {
        private final List<String> signals;
        private final List<Observation> observations = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        private Builder(List<String> signals) {
            this.signals = List.copyOf(signals);
        }

        /**
         * Adds a round.
         *
         * @throws IllegalArgumentException if the round has not one value per signal, is not
         *     later than the previous one, or its label is blank
         */
        public Builder add(long epochMs, double[] values, String label) {
            if (values.length != signals.size()) {
                throw new IllegalArgumentException("round at " + epochMs + " ms has " + values.length + " values for " + signals.size() + " signals");
            }
            if (!observations.isEmpty() && epochMs <= observations.getLast().epochMs()) {
                throw new IllegalArgumentException("round at " + epochMs + " ms is not after the previous one at " + observations.getLast().epochMs() + " ms");
            }
            if (Objects.requireNonNull(label).isBlank()) {
                throw new IllegalArgumentException("round at " + epochMs + " ms has a blank label; use " + NORMAL + " for a normal round");
            }
            observations.add(new Observation(epochMs, values));
            labels.add(label);
            return this;
        }

        /** The trace. */
        public LabelledTrace build() {
            return new LabelledTrace(signals, observations, labels);
        }
    }
}
