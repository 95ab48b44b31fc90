package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code io} section of a profile: block queue settings. Every setting is optional; absent
 * means leave the host as it is.
 *
 * @param nvmeScheduler the I/O scheduler for NVMe and other non-rotational disks
 *     ({@code none}, {@code mq-deadline}, ...)
 * @param rotationalScheduler the I/O scheduler for rotational disks
 * @param readAheadKib {@code queue/read_ahead_kb}, in KiB, at least 0
 * @param nrRequests {@code queue/nr_requests}, at least 1
 */
public record IoSettings(
        Optional<String> nvmeScheduler,
        Optional<String> rotationalScheduler,
        Optional<Integer> readAheadKib,
        Optional<Integer> nrRequests) {

    /** No settings. */
    public static final IoSettings NONE = new IoSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public IoSettings over(IoSettings base) {
        return new IoSettings(
                nvmeScheduler.or(base::nvmeScheduler),
                rotationalScheduler.or(base::rotationalScheduler),
                readAheadKib.or(base::readAheadKib),
                nrRequests.or(base::nrRequests));
    }
}
