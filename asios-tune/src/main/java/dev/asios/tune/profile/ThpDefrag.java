package dev.asios.tune.profile;

/**
 * When a fault may stall to compact memory for a transparent hugepage,
 * {@code /sys/kernel/mm/transparent_hugepage/defrag}.
 */
public enum ThpDefrag {
    /** Every fault stalls to compact. */
    ALWAYS("always"),
    /** Never stall; wake kswapd and kcompactd to compact in the background. */
    DEFER("defer"),
    /** Stall only in madvised regions; elsewhere compact in the background. */
    DEFER_MADVISE("defer+madvise"),
    /** Stall only in madvised regions. */
    MADVISE("madvise"),
    /** Never compact for a fault. */
    NEVER("never");

    private final String kernelName;

    ThpDefrag(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The word the kernel reads and writes. */
    public String kernelName() {
        return kernelName;
    }
}
