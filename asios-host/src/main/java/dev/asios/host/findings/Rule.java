package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.Optional;

/**
 * One check of a host. A rule is a pure function of the snapshot: it reads no files, and says
 * nothing (empty) when the host is fine or when the facts it needs are absent (a VM without
 * cpufreq is not "governor wrong"). Implementations are stateless and thread-safe.
 */
public interface Rule {

    /** The stable id of the findings this rule makes. */
    String id();

    /** The finding on {@code host}, or empty when there is none. */
    Optional<Finding> check(HostSnapshot host);
}
