package dev.asios.tune.profile;

/** Transparent hugepage mode, {@code /sys/kernel/mm/transparent_hugepage/enabled}. */
public enum ThpMode {
    /** Every anonymous mapping may get hugepages. */
    ALWAYS("always"),
    /** Only regions the program marks with {@code madvise(MADV_HUGEPAGE)}. */
    MADVISE("madvise"),
    /** No transparent hugepages. */
    NEVER("never");

    private final String kernelName;

    ThpMode(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The word the kernel reads and writes. */
    public String kernelName() {
        return kernelName;
    }
}
