package dev.asios.observe.gpu;

/**
 * The NVML errors of one collection, gathered so that one failing reading does not stop the
 * others, and reported once at its end. {@link NvmlReturn#absent absent} readings are not errors.
 * Problems found while opening (an event set NVML refused) are kept and reported with the first
 * collection. Allocates nothing while there is nothing to report. Not thread-safe.
 */
final class NvmlFailures {

    /** The {@code gpu} of a call about no one GPU, such as one on the event set. */
    static final int NO_GPU = -1;

    private final Nvml nvml;
    private final StringBuilder messages = new StringBuilder();

    NvmlFailures(Nvml nvml) {
        this.nvml = nvml;
    }

    /**
     * Whether {@code code}, returned by {@code function} for GPU {@code gpu} (or {@link #NO_GPU}),
     * is a success; records it unless it is a success or an absence.
     */
    boolean ok(int code, NvmlFunction function, int gpu) {
        if (code == NvmlReturn.SUCCESS) {
            return true;
        }
        if (!NvmlReturn.absent(code)) {
            note((gpu == NO_GPU ? "" : "GPU " + gpu + " ") + function.name() + ": " + nvml.errorText(code));
        }
        return false;
    }

    /** Records a problem in words. */
    void note(String problem) {
        if (!messages.isEmpty()) {
            messages.append("; ");
        }
        messages.append(problem);
    }

    /**
     * Throws what was recorded since the last call, if anything, and starts afresh.
     *
     * @throws GpuTelemetryException naming every problem recorded
     */
    void throwIfAny() throws GpuTelemetryException {
        if (messages.isEmpty()) {
            return;
        }
        String all = messages.toString();
        messages.setLength(0);
        throw new GpuTelemetryException(all);
    }
}
