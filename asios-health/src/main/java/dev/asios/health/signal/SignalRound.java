package dev.asios.health.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every group's observation of one collection round, in a stable order: by kind (cpu, node, disk,
 * nic, gpu, run, host), then by entity as the registry orders label values. Immutable.
 *
 * @param epochMs when the round was collected, in milliseconds since the epoch
 * @param observations one per group present in the round
 * @param groupsChanged true if a group appeared, went away or changed its signals since the
 *     previous round (always true in the first): a detector that learns a group starts again
 *     when its {@link SignalGroup} is no longer equal to the one it learned
 */
public record SignalRound(long epochMs, List<GroupObservation> observations, boolean groupsChanged) {

    /** Copies the list. */
    public SignalRound {
        observations = List.copyOf(observations);
    }

    /** The groups of the round, in order. */
    public List<SignalGroup> groups() {
        List<SignalGroup> groups = new ArrayList<>(observations.size());
        for (GroupObservation o : observations) {
            groups.add(o.group());
        }
        return groups;
    }

    /** The observation of the group with this id ({@code cpu/3}, {@code host/all}), if present. */
    public Optional<GroupObservation> group(String id) {
        for (GroupObservation o : observations) {
            if (o.group().id().equals(id)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The observations of the groups of one kind ({@code cpu}, {@code gpu}), in order. */
    public List<GroupObservation> ofKind(String kind) {
        List<GroupObservation> list = new ArrayList<>();
        for (GroupObservation o : observations) {
            if (o.group().kind().equals(kind)) {
                list.add(o);
            }
        }
        return list;
    }

    /** The value of {@code signal} in group {@code id}, or NaN if either is absent or it was not measured. */
    public double value(String id, String signal) {
        for (GroupObservation o : observations) {
            if (o.group().id().equals(id)) {
                return o.value(signal);
            }
        }
        return Double.NaN;
    }
}
