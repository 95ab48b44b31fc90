package dev.asios.observe.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All metric families of one agent. Collectors register their families once, at start, and
 * keep the handles; the exposition, the API and the store read {@link #families()}.
 *
 * <p>Registering a name twice with the same kind, unit and labels returns the first family, so
 * two collectors may share one; a conflicting definition is refused. Thread-safe.
 */
public final class MetricRegistry {

    private final Map<String, MetricFamily> families = new ConcurrentHashMap<>();
    private final AtomicLong registrations = new AtomicLong();

    /**
     * A counter, exposed as {@code name_total}.
     *
     * @param name the base name without {@code _total}, ending with the unit if one is given
     * @param unit the base unit ({@code seconds}, {@code bytes}) or null
     * @throws IllegalArgumentException if the name or a label breaks Prometheus conventions, or
     *     the name is registered with another definition
     */
    public MetricFamily counter(String name, String help, String unit, String... labelNames) {
        return register(new MetricFamily(name, help, Optional.ofNullable(unit), MetricKind.COUNTER, List.of(labelNames), new double[0]));
    }

    /** A gauge; arguments as for {@link #counter}. */
    public MetricFamily gauge(String name, String help, String unit, String... labelNames) {
        return register(new MetricFamily(name, help, Optional.ofNullable(unit), MetricKind.GAUGE, List.of(labelNames), new double[0]));
    }

    /**
     * A histogram with fixed bucket upper bounds; {@code +Inf} is appended.
     *
     * @throws IllegalArgumentException if the bounds are empty, not finite or not ascending, or
     *     as for {@link #counter}
     */
    public MetricFamily histogram(String name, String help, String unit, double[] upperBounds, String... labelNames) {
        if (upperBounds.length == 0) {
            throw new IllegalArgumentException("histogram '" + name + "' needs at least one bucket bound");
        }
        for (int i = 0; i < upperBounds.length; i++) {
            if (!Double.isFinite(upperBounds[i]) || i > 0 && upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("histogram '" + name + "': bounds must be finite and ascending: " + Arrays.toString(upperBounds));
            }
        }
        double[] withInf = Arrays.copyOf(upperBounds, upperBounds.length + 1);
        withInf[upperBounds.length] = Double.POSITIVE_INFINITY;
        return register(new MetricFamily(name, help, Optional.ofNullable(unit), MetricKind.HISTOGRAM, List.of(labelNames), withInf));
    }

    private MetricFamily register(MetricFamily family) {
        MetricFamily existing = families.putIfAbsent(family.name(), family);
        if (existing == null) {
            registrations.incrementAndGet();
            return family;
        }
        if (existing.kind() != family.kind() || !existing.labelNames().equals(family.labelNames()) || !existing.unit().equals(family.unit())
                || !Arrays.equals(existing.upperBounds(), family.upperBounds())) {
            throw new IllegalArgumentException("metric '" + family.name() + "' is already registered with another kind, unit, labels or buckets");
        }
        return existing;
    }

    /**
     * How many families were registered: a reader that looks families up by name once compares it
     * with the count it saw and looks again only when it moved (a collector started late, such as
     * the eBPF probes). Reading it allocates nothing.
     */
    public long registrations() {
        return registrations.get();
    }

    /** The family of this base name, if registered. */
    public Optional<MetricFamily> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /** All families, sorted by name. */
    public List<MetricFamily> families() {
        List<MetricFamily> list = new ArrayList<>(families.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }
}
