package dev.asios.health.signal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Signals that belong together, of one entity: the unit the health layer watches. A detector
 * learns each group as one multivariate stream; a rule or a forecast reads single signals of it.
 * Each round gives one {@link Observation} of the group, its values in the order of
 * {@link #signals()}.
 *
 * @param id a stable, unique id across restarts, {@code kind/entity} (for example {@code cpu/3},
 *     {@code disk/nvme0n1}, {@code run/train-7}); detector state is saved under it
 * @param kind the kind of entity: {@code cpu}, {@code node}, {@code disk}, {@code nic},
 *     {@code gpu}, {@code run}, {@code host}
 * @param entity the entity within its kind: a CPU number, a node number, a device or run name
 * @param signals the names of the signals, lower_snake_case with their unit
 *     ({@code busy_ratio}, {@code read_bytes_per_second}, {@code runqueue_p99_seconds})
 */
public record SignalGroup(String id, String kind, String entity, List<String> signals) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the names.
     *
     * @throws IllegalArgumentException if the kind or a signal name is not lower_snake_case, the
     *     entity is blank, there is no signal or a name repeats, or the id is not {@code kind/entity}
     */
    public SignalGroup {
        signals = List.copyOf(signals);
        if (!NAME.matcher(kind).matches()) {
            throw new IllegalArgumentException("signal group kind '" + kind + "' must be lower_snake_case");
        }
        if (entity.isBlank()) {
            throw new IllegalArgumentException("signal group of kind " + kind + " needs an entity");
        }
        if (!id.equals(kind + "/" + entity)) {
            throw new IllegalArgumentException("signal group id '" + id + "' must be kind/entity: " + kind + "/" + entity);
        }
        if (signals.isEmpty() || signals.stream().distinct().count() != signals.size()) {
            throw new IllegalArgumentException("signal group " + id + " needs one or more distinct signals, given " + signals);
        }
        for (String signal : signals) {
            if (!NAME.matcher(signal).matches()) {
                throw new IllegalArgumentException("signal '" + signal + "' of group " + id + " must be lower_snake_case");
            }
        }
    }

    /** A group named {@code kind/entity}. */
    public static SignalGroup of(String kind, String entity, List<String> signals) {
        return new SignalGroup(kind + "/" + entity, kind, entity, signals);
    }

    /** The position of {@code signal} in {@link #signals()}, or -1. */
    public int indexOf(String signal) {
        return signals.indexOf(signal);
    }

    /** How many signals the group has: the length of each observation. */
    public int dimensions() {
        return signals.size();
    }
}
