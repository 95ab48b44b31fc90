package dev.asios.health.signal;

/**
 * One group's observation in one round. Immutable.
 *
 * @param group the group, whose signal names give the order of the values
 * @param observation the values of the round, NaN where a signal could not be measured
 */
public record GroupObservation(SignalGroup group, Observation observation) {

    /** Checks that the observation has one value per signal of the group. */
    public GroupObservation {
        if (observation.size() != group.dimensions()) {
            throw new IllegalArgumentException(group.id() + " has " + group.dimensions() + " signals, the observation " + observation.size() + " values");
        }
    }

    /** The value of {@code signal}, or NaN if the group has no such signal or it was not measured. */
    public double value(String signal) {
        int index = group.indexOf(signal);
        return index < 0 ? Double.NaN : observation.value(index);
    }
}
