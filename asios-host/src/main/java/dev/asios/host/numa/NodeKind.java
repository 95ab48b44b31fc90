package dev.asios.host.numa;

/** What a NUMA node is made of. */
public enum NodeKind {
    /** CPUs and their local memory. */
    CPU,
    /** Memory without CPUs: a CXL expander, persistent memory, a far tier. */
    MEMORY_ONLY,
    /** The memory of a GPU exposed as a NUMA node (NVIDIA Grace Hopper, POWER9 with NVLink). */
    GPU_MEMORY
}
