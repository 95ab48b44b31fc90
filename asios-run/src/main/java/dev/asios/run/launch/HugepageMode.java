package dev.asios.run.launch;

/**
 * How a run's heap gets hugepages, through glibc's malloc ({@code GLIBC_TUNABLES}, glibc 2.35 and
 * later: Ubuntu 22.04, Debian 12). Programs with their own allocator (the CUDA caching allocator,
 * jemalloc) use their own switches.
 */
public enum HugepageMode {
    /** Leave malloc alone. */
    NONE(""),
    /** Transparent hugepages: malloc {@code madvise}s its arenas ({@code glibc.malloc.hugetlb=1}); THP must be {@code madvise} or {@code always}. */
    THP("glibc.malloc.hugetlb=1"),
    /** The hugetlb pool: malloc maps its arenas with {@code MAP_HUGETLB} ({@code glibc.malloc.hugetlb=2}); the pool needs free pages on the run's nodes. */
    HUGETLB("glibc.malloc.hugetlb=2");

    private final String tunable;

    HugepageMode(String tunable) {
        this.tunable = tunable;
    }

    /** The {@code GLIBC_TUNABLES} entry; empty for {@link #NONE}. */
    public String glibcTunable() {
        return tunable;
    }
}
