package dev.asios.health.forecast;

import java.util.OptionalDouble;

/**
 * A quantity the agent forecasts, and the limit it must not reach.
 *
 * @param id a stable id, unique among the targets (for example {@code node/1/memory_used_bytes});
 *     findings carry it
 * @param label what to call the quantity in a sentence: {@code node 1 memory}
 * @param unit the quantity's unit, as the metric names it: {@code bytes}, {@code celsius}, or empty
 * @param direction which way it goes to reach the limit
 * @param fixedLimit the limit when it is a constant (a temperature threshold, 0 for a free
 *     quantity); empty when it is read with every value (a node's memory, a pool's size, a run's
 *     memory limit), see {@link ForecastWatch#observe(String, long, double, double)}
 * @param outcome what happens at the limit, as a verb phrase: {@code exhausted},
 *     {@code reaches 85 °C}
 * @param settings how the quantity is forecast
 */
public record ForecastTarget(String id, String label, String unit, LimitDirection direction, OptionalDouble fixedLimit, String outcome,
        ForecastSettings settings) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the id, label or outcome is blank, or the fixed limit is not finite
     */
    public ForecastTarget {
        requireText("id", id, id);
        requireText("label", id, label);
        requireText("outcome", id, outcome);
        if (unit == null || direction == null || fixedLimit == null || settings == null) {
            throw new IllegalArgumentException("forecast target " + id + " needs a unit (possibly empty), a direction, a limit and settings");
        }
        if (fixedLimit.isPresent() && !Double.isFinite(fixedLimit.getAsDouble())) {
            throw new IllegalArgumentException("forecast target " + id + " has a limit that is not a finite number: " + fixedLimit.getAsDouble());
        }
    }

    /** A used quantity rising to a capacity read with every value: memory, a hugepage pool, disk, GPU memory. */
    public static ForecastTarget capacity(String id, String label, String unit, ForecastSettings settings) {
        return new ForecastTarget(id, label, unit, LimitDirection.RISING, OptionalDouble.empty(), "exhausted", settings);
    }

    /** A free quantity falling to {@code floor} (usually 0). */
    public static ForecastTarget floor(String id, String label, String unit, double floor, ForecastSettings settings) {
        return new ForecastTarget(id, label, unit, LimitDirection.FALLING, OptionalDouble.of(floor), "exhausted", settings);
    }

    /** A quantity rising to a fixed threshold: a temperature. */
    public static ForecastTarget threshold(String id, String label, String unit, double threshold, ForecastSettings settings) {
        return new ForecastTarget(id, label, unit, LimitDirection.RISING, OptionalDouble.of(threshold),
                "reaches " + Quantities.format(threshold, unit), settings);
    }

    private static void requireText(String field, String id, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("forecast target " + id + " needs a " + field);
        }
    }
}
