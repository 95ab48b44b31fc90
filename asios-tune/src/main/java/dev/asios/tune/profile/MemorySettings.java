package dev.asios.tune.profile;

import java.util.List;
import java.util.Optional;

/**
 * The {@code memory} section of a profile. Every setting is optional; absent means leave the
 * host as it is.
 *
 * @param thp transparent hugepage mode
 * @param thpDefrag when faults stall to compact for a transparent hugepage
 * @param khugepagedDefrag whether khugepaged collapses pages into hugepages
 * @param numaBalancing automatic NUMA balancing ({@code kernel.numa_balancing})
 * @param swappiness {@code vm.swappiness}, 0..200
 * @param zoneReclaimMode {@code vm.zone_reclaim_mode}, a bit mask 0..7
 * @param hugepages persistent hugepage pools per node; the list replaces, never merges with, an
 *     included profile's list
 * @param minFreeKbytes {@code vm.min_free_kbytes}, in KiB, at least 0
 * @param dirtyRatio {@code vm.dirty_ratio}, percent 0..100
 * @param dirtyBackgroundRatio {@code vm.dirty_background_ratio}, percent 0..100
 */
public record MemorySettings(
        Optional<ThpMode> thp,
        Optional<ThpDefrag> thpDefrag,
        Optional<Boolean> khugepagedDefrag,
        Optional<Boolean> numaBalancing,
        Optional<Integer> swappiness,
        Optional<Integer> zoneReclaimMode,
        Optional<List<HugepageReservation>> hugepages,
        Optional<Long> minFreeKbytes,
        Optional<Integer> dirtyRatio,
        Optional<Integer> dirtyBackgroundRatio) {

    /** No settings. */
    public static final MemorySettings NONE = new MemorySettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Creates the settings with an immutable copy of the hugepage list. */
    public MemorySettings {
        hugepages = hugepages.map(List::copyOf);
    }

    /** These settings, with the gaps filled from {@code base}. */
    public MemorySettings over(MemorySettings base) {
        return new MemorySettings(
                thp.or(base::thp),
                thpDefrag.or(base::thpDefrag),
                khugepagedDefrag.or(base::khugepagedDefrag),
                numaBalancing.or(base::numaBalancing),
                swappiness.or(base::swappiness),
                zoneReclaimMode.or(base::zoneReclaimMode),
                hugepages.or(base::hugepages),
                minFreeKbytes.or(base::minFreeKbytes),
                dirtyRatio.or(base::dirtyRatio),
                dirtyBackgroundRatio.or(base::dirtyBackgroundRatio));
    }
}
