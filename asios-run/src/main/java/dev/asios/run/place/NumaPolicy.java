package dev.asios.run.place;

/** How a run's memory is bound to the NUMA nodes of its CPUs. */
public enum NumaPolicy {
    /** One node: CPUs and memory on it, memory bound ({@code MPOL_BIND}); nothing spills. */
    STRICT,
    /** Prefer the chosen nodes; the kernel falls back to others when they run out. */
    PREFERRED,
    /** Interleave pages across the chosen nodes ({@code MPOL_INTERLEAVE}). */
    INTERLEAVE
}
