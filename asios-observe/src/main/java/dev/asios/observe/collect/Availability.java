package dev.asios.observe.collect;

/**
 * Whether a collector or probe can work on this host, and if not, why, in words an operator can
 * act on ("no NVIDIA driver: libnvidia-ml.so.1 does not load and nvidia-smi is not on PATH").
 *
 * @param available true if it can work
 * @param reason why not, or empty when available
 */
public record Availability(boolean available, String reason) {

    /** Available. */
    public static final Availability AVAILABLE = new Availability(true, "");

    /** Not available, for {@code reason}. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
