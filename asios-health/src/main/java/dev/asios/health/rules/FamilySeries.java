package dev.asios.health.rules;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.List;

/**
 * The counter or gauge series of one family, listed again only when the family gains or loses a
 * series (or is registered), so that a rule reading them every round allocates nothing in
 * between. A family not registered has no series. Not thread-safe.
 */
final class FamilySeries {

    private final MetricRegistry registry;
    private final String name;
    private MetricFamily family;
    private long seenRegistrations = -1;
    private long seenChanges = -1;
    private List<Series> series = List.of();

    FamilySeries(MetricRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** The series now, in the family's order. */
    List<Series> series() {
        if (family == null && registry.registrations() != seenRegistrations) {
            seenRegistrations = registry.registrations();
            family = registry.family(name).orElse(null);
        }
        if (family != null && family.changes() != seenChanges) {
            seenChanges = family.changes();
            series = family.allSeries();
        }
        return series;
    }
}
