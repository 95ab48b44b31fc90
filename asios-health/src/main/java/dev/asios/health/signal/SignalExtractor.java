package dev.asios.health.signal;

import dev.asios.observe.metric.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the agent's {@link MetricRegistry} into {@link SignalGroup}s and one {@link Observation}
 * per group per round. Call {@link #extract(long)} once per collection round, right after the
 * collectors ran (from {@code CollectorLoop.onRound}), with the round's time.
 *
 * <p>Counters become rates per second over the time since the previous call: NaN in the first
 * round, in a round where the counter went down (its source restarted) and for a series seen
 * for the first time. Gauges pass through. Latency histograms become their p50 and p99 over the
 * round, from the change of each bucket, interpolated linearly within the bucket that holds the
 * quantile (see {@code HistogramCell}); NaN when the round has no observation. The groups and
 * their signals are listed in {@link SignalNames}; a group has only the signals whose sources
 * exist and have a value, and groups come and go with their devices and runs.
 *
 * <p>The families are looked up by name once, and again only when families are registered; the
 * groups of a kind are built again only when one of its families gains or loses a series (or a
 * signal left out for want of a value gets one). Between such changes a round reads the series
 * handles it keeps and allocates only the observations it returns.
 *
 * <p>Not thread-safe: one thread calls {@link #extract}, the collector loop's.
 */
public final class SignalExtractor {

    private final MetricRegistry registry;
    private final List<SignalKind> kinds = List.of(new CpuKind(), new NodeKind(), new DiskKind(), new NicKind(), new GpuKind(),
            new RunKind(), new HostKind());
    private final Cells cells = new Cells();
    private List<GroupSpec> groups = List.of();
    private long seenRegistrations = -1;
    private long previousEpochMs = Long.MIN_VALUE;

    /** Extracts from {@code registry}; reads nothing until the first {@link #extract}. */
    public SignalExtractor(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The observations of this round.
     *
     * @param epochMs the round's time in milliseconds since the epoch; a time not after the
     *     previous call's makes this round's rates NaN
     */
    public SignalRound extract(long epochMs) {
        boolean changed = refresh(previousEpochMs == Long.MIN_VALUE);
        cells.updateAll();
        double seconds = previousEpochMs == Long.MIN_VALUE || epochMs <= previousEpochMs ? Double.NaN : (epochMs - previousEpochMs) / 1000.0;
        previousEpochMs = epochMs;
        List<GroupObservation> observations = new ArrayList<>(groups.size());
        for (GroupSpec group : groups) {
            observations.add(new GroupObservation(group.group(), group.observe(epochMs, seconds)));
        }
        return new SignalRound(epochMs, observations, changed);
    }

    /** The groups as of the latest round, in the order of {@link SignalRound#observations()}. */
    public List<SignalGroup> groups() {
        List<SignalGroup> list = new ArrayList<>(groups.size());
        for (GroupSpec group : groups) {
            list.add(group.group());
        }
        return list;
    }

    /** Builds again the groups of the kinds whose families changed; true if the list of groups changed. */
    private boolean refresh(boolean firstRound) {
        long registrations = registry.registrations();
        boolean registryChanged = registrations != seenRegistrations;
        seenRegistrations = registrations;
        boolean rebuilt = false;
        for (SignalKind kind : kinds) {
            rebuilt |= kind.refresh(registry, registryChanged, cells);
        }
        if (!rebuilt) {
            return firstRound;
        }
        List<GroupSpec> all = new ArrayList<>();
        for (SignalKind kind : kinds) {
            all.addAll(kind.groups());
        }
        cells.retainOnly(all);
        List<SignalGroup> before = groups();
        groups = List.copyOf(all);
        return firstRound || !before.equals(groups());
    }
}
