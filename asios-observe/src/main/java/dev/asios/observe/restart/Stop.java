package dev.asios.observe.restart;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that stopped and is to be restarted: a probe whose process exited, or a collector
 * that failed too many rounds in a row. Immutable.
 *
 * @param kind what stopped: {@link #PROBE} or {@link #COLLECTOR}
 * @param name its name: the probe's {@code probe} label, the collector's name
 * @param why why it stopped, in one line (exit status and last error, or the last exception's message)
 * @param ranFor how long it ran since its last (re)start
 * @param backoff the wait before the restart, already doubled or reset by {@link Backoff}
 */
public record Stop(String kind, String name, String why, Duration ranFor, Duration backoff) {

    /** The kind of an eBPF probe (one bpftrace process). */
    public static final String PROBE = "probe";

    /** The kind of a collector of the collector loop. */
    public static final String COLLECTOR = "collector";

    /**
     * Checks the values.
     *
     * @throws NullPointerException if one is null
     */
    public Stop {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(ranFor, "ranFor");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** What stopped, as the audit log names subjects: {@code probe/kernel}, {@code collector/disk}. */
    public String subject() {
        return kind + "/" + name;
    }
}
