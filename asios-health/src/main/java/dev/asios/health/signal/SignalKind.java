package dev.asios.health.signal;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of one kind of entity and the families they are made of. The groups are built again
 * only when one of those families gains or loses a series, when one is registered, or when a
 * signal left out for want of a value gets one; in between, {@link #refresh} reads a change count
 * per family and allocates nothing. Not thread-safe: the extraction's thread only.
 */
abstract class SignalKind {

    private final String[] familyNames;
    private final MetricFamily[] families;
    private final long[] seenChanges;
    private List<GroupSpec> groups = List.of();
    private List<Signal> pending = List.of();
    private boolean built;

    /** A kind made of the families named. */
    SignalKind(String... familyNames) {
        this.familyNames = familyNames.clone();
        this.families = new MetricFamily[familyNames.length];
        this.seenChanges = new long[familyNames.length];
    }

    /** Builds the groups of every entity from the series now; called only when something changed. */
    abstract void build(KindBuild build);

    /**
     * Builds the groups again if something they are made of changed.
     *
     * @param registryChanged whether families were registered since the previous call
     * @return true if the groups were built again
     */
    final boolean refresh(MetricRegistry registry, boolean registryChanged, Cells cells) {
        boolean dirty = !built;
        if (registryChanged || !built) {
            for (int i = 0; i < familyNames.length; i++) {
                if (families[i] == null) {
                    families[i] = registry.family(familyNames[i]).orElse(null);
                    dirty |= families[i] != null;
                }
            }
        }
        for (int i = 0; i < families.length && !dirty; i++) {
            dirty = families[i] != null && families[i].changes() != seenChanges[i];
        }
        for (int i = 0; i < pending.size() && !dirty; i++) {
            dirty = pending.get(i).ready();
        }
        if (!dirty) {
            return false;
        }
        Map<String, MetricFamily> byName = new HashMap<>();
        for (int i = 0; i < families.length; i++) {
            // The count is read before the series are listed: a change while listing shows next round.
            seenChanges[i] = families[i] == null ? 0 : families[i].changes();
            byName.put(familyNames[i], families[i]);
        }
        KindBuild build = new KindBuild(new SeriesLookup(byName), cells);
        build(build);
        groups = List.copyOf(build.groups());
        pending = List.copyOf(build.pending());
        built = true;
        return true;
    }

    /** The groups as last built. */
    final List<GroupSpec> groups() {
        return groups;
    }
}
