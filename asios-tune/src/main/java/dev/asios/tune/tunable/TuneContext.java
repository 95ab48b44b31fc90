package dev.asios.tune.tunable;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.tune.profile.Profile;

/**
 * What a tunable plans from: the host as read, the profile, typed reads of the current files, and
 * the CPUs the profile isolates (resolved once, up front, so a bad isolation spec fails before any
 * tunable runs).
 *
 * @param host the snapshot of the host
 * @param profile the profile, includes resolved
 * @param values reads of the host's current values
 * @param isolated the CPUs the profile isolates; empty when it isolates none
 */
public record TuneContext(HostSnapshot host, Profile profile, SysrootValues values, CpuSet isolated) {

    /** The online CPUs that are not isolated: where the kernel's own work goes. */
    public CpuSet housekeeping() {
        return host.cpu().onlineCpus().andNot(isolated);
    }

    /**
     * {@code cpus} kept off the isolated CPUs: without them, or the housekeeping CPUs when none
     * is left. A set that reaches no isolated CPU comes back as it is.
     */
    public CpuSet offIsolated(CpuSet cpus) {
        if (!cpus.intersects(isolated)) {
            return cpus;
        }
        CpuSet kept = cpus.andNot(isolated);
        return kept.isEmpty() ? housekeeping() : kept;
    }
}
