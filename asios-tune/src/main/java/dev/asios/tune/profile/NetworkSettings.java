package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code network} section of a profile. Every setting is optional; absent means leave the
 * host as it is.
 *
 * @param busyPollUs {@code net.core.busy_poll} and {@code busy_read}, in microseconds, at least 0
 * @param socketBufferBytes the largest socket buffers ({@code net.core.rmem_max},
 *     {@code wmem_max}), in bytes, at least 4096
 * @param rpsOffIsolated keep receive and transmit packet steering (RPS, XPS) off the isolated CPUs
 */
public record NetworkSettings(
        Optional<Integer> busyPollUs,
        Optional<Integer> socketBufferBytes,
        Optional<Boolean> rpsOffIsolated) {

    /** No settings. */
    public static final NetworkSettings NONE = new NetworkSettings(Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public NetworkSettings over(NetworkSettings base) {
        return new NetworkSettings(
                busyPollUs.or(base::busyPollUs),
                socketBufferBytes.or(base::socketBufferBytes),
                rpsOffIsolated.or(base::rpsOffIsolated));
    }
}
