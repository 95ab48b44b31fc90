package dev.asios.health.rules;

import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import dev.asios.health.signal.SignalRound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signal rounds made by hand, for the rules' tests. */
final class Rounds {

    private final long epochMs;
    private final Map<String, Map<String, Double>> groups = new LinkedHashMap<>();

    private Rounds(long epochMs) {
        this.epochMs = epochMs;
    }

    /** A round at {@code epochMs}. */
    static Rounds at(long epochMs) {
        return new Rounds(epochMs);
    }

    /** An empty round at {@code epochMs}. */
    static SignalRound empty(long epochMs) {
        return at(epochMs).round();
    }

    /** Sets {@code signal} of group {@code id} ({@code kind/entity}). */
    Rounds with(String id, String signal, double value) {
        groups.computeIfAbsent(id, g -> new LinkedHashMap<>()).put(signal, value);
        return this;
    }

    /** The round. */
    SignalRound round() {
        List<GroupObservation> observations = new ArrayList<>();
        groups.forEach((id, signals) -> {
            int slash = id.indexOf('/');
            SignalGroup group = SignalGroup.of(id.substring(0, slash), id.substring(slash + 1), List.copyOf(signals.keySet()));
            double[] values = signals.values().stream().mapToDouble(Double::doubleValue).toArray();
            observations.add(new GroupObservation(group, new Observation(epochMs, values)));
        });
        return new SignalRound(epochMs, observations, false);
    }
}
