package dev.asios.tune.profile;

/**
 * A persistent hugepage pool to reserve on every NUMA node that has memory.
 *
 * @param sizeKib the page size in KiB: 2048 (2 MiB) or 1048576 (1 GiB)
 * @param perNode pages per node; 0 empties the pool
 */
public record HugepageReservation(int sizeKib, int perNode) {

    /** The page sizes a profile may reserve, in KiB. */
    public static final java.util.Set<Integer> SIZES_KIB = java.util.Set.of(2048, 1048576);
}
