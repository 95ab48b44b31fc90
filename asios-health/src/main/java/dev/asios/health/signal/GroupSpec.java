package dev.asios.health.signal;

import java.util.List;

/**
 * A group and how each of its signals is computed, with a reused array for a round's values.
 * Not thread-safe.
 */
final class GroupSpec {

    private final SignalGroup group;
    private final Signal[] signals;
    private final double[] values;

    GroupSpec(SignalGroup group, List<Signal> signals) {
        if (signals.size() != group.dimensions()) {
            throw new IllegalArgumentException(group.id() + ": " + signals.size() + " signals for " + group.dimensions() + " names");
        }
        this.group = group;
        this.signals = signals.toArray(Signal[]::new);
        this.values = new double[this.signals.length];
    }

    SignalGroup group() {
        return group;
    }

    List<Signal> signals() {
        return List.of(signals);
    }

    /** The group's observation of this round, after the cells were updated. */
    Observation observe(long epochMs, double seconds) {
        for (int i = 0; i < signals.length; i++) {
            values[i] = signals[i].value(seconds);
        }
        return new Observation(epochMs, values);
    }
}
