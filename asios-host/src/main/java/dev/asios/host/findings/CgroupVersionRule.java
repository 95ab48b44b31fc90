package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import java.util.List;
import java.util.Optional;

/**
 * Fires when the cgroup controllers are on v1: everything on v1 is a warning; a hybrid layout
 * whose cpuset controller stays on v1 is information.
 */
final class CgroupVersionRule extends BaseRule {

    CgroupVersionRule() {
        super("cgroup-v1", Severity.WARNING,
                "Isolated cpuset partitions (CPU isolation without a reboot), PSI pressure per workload, memory.high "
                        + "throttling and unified I/O control exist only in cgroup v2; Kubernetes and container "
                        + "runtimes are dropping v1.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        Optional<Cgroups> cgroups = host.kernel().cgroups();
        if (cgroups.isEmpty() || cgroups.get().version() == CgroupVersion.V2 || cgroups.get().version() == CgroupVersion.NONE
                || cgroups.get().cpusetOnV2()) {
            return Optional.empty();
        }
        boolean hybrid = cgroups.get().version() == CgroupVersion.HYBRID;
        List<Evidence> evidence = cgroups.get().mounts().stream()
                .filter(m -> m.controllers().contains("cpuset") || m.version() == CgroupVersion.V2)
                .map(m -> new Evidence("/proc/self/mountinfo", mount(m)))
                .toList();
        return Optional.of(finding(hybrid ? Severity.INFO : Severity.WARNING,
                hybrid ? "cgroup v2 is mounted but the cpuset controller stays on v1" : "only cgroup v1 is mounted", evidence,
                Fix.bootParameter("systemd.unified_cgroup_hierarchy=1")));
    }

    private static String mount(CgroupMount mount) {
        return mount.mountPoint() + " " + mount.version().name().toLowerCase() + " " + String.join(",", mount.controllers());
    }
}
