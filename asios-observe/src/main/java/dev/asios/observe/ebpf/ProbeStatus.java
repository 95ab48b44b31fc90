package dev.asios.observe.ebpf;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What is known of one probe (one bpftrace process), for the API and {@code asios top}.
 * Immutable.
 *
 * @param name the probe's name, the {@code probe} label of its metrics
 * @param state where its process stands
 * @param reason why it is not running (the error bpftrace printed, or what the host lacks); while
 *     running, the latest error bpftrace reported without stopping, or empty
 * @param restarts how often its process was started again after stopping
 * @param lostEvents events the kernel dropped because the output buffer was full
 * @param pid the process id of its bpftrace while one runs
 * @param parts the parts its script measures
 * @param unavailableParts parts left out of the script because the host lacks what they need,
 *     with the reason for each
 */
public record ProbeStatus(
        String name,
        ProbeState state,
        String reason,
        long restarts,
        long lostEvents,
        OptionalLong pid,
        List<String> parts,
        Map<String, String> unavailableParts) {

    /** Copies the collections. */
    public ProbeStatus {
        parts = List.copyOf(parts);
        unavailableParts = Map.copyOf(unavailableParts);
    }
}
