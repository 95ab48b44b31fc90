package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysrootValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the host's processes run in a container, as systemd-detect-virt does: the
 * {@code container=} variable of PID 1, the marker files of podman ({@code /run/.containerenv})
 * and Docker ({@code /.dockerenv}), {@code /run/systemd/container}, then container runtimes named
 * in {@code /proc/self/cgroup} (v1 paths only: a v2 cgroup namespace hides them). No evidence
 * in a readable {@code /proc/self/cgroup} means no container.
 */
final class ContainerDetector {

    private static final List<Map.Entry<String, String>> CGROUP_NAMES = List.of(
            Map.entry("kubepods", "kubernetes"), Map.entry("docker", "docker"), Map.entry("libpod", "podman"),
            Map.entry("lxc", "lxc"), Map.entry("containerd", "containerd"));

    private final SysrootValues values;
    private final ProcessTable processes;

    ContainerDetector(SysrootValues values, ProcessTable processes) {
        this.values = values;
        this.processes = processes;
    }

    Virtualization detect() {
        Optional<String> fromInit = processes.environ(1).map(env -> env.get("container")).filter(name -> !name.isEmpty());
        if (fromInit.isPresent()) {
            return Virtualization.found(VirtualizationKind.CONTAINER, fromInit.get(), "/proc/1/environ");
        }
        if (values.sysroot().exists("/run/.containerenv")) {
            return Virtualization.found(VirtualizationKind.CONTAINER, "podman", "/run/.containerenv");
        }
        if (values.sysroot().exists("/.dockerenv")) {
            return Virtualization.found(VirtualizationKind.CONTAINER, "docker", "/.dockerenv");
        }
        Optional<String> systemd = KernelFiles.name(values, "/run/systemd/container");
        if (systemd.isPresent()) {
            return Virtualization.found(VirtualizationKind.CONTAINER, systemd.get(), "/run/systemd/container");
        }
        Optional<String> cgroup = values.string("/proc/self/cgroup");
        if (cgroup.isEmpty()) {
            return Virtualization.UNKNOWN;
        }
        return CGROUP_NAMES.stream()
                .filter(entry -> cgroup.get().contains(entry.getKey()))
                .findFirst()
                .map(entry -> Virtualization.found(VirtualizationKind.CONTAINER, entry.getValue(), "/proc/self/cgroup"))
                .orElse(Virtualization.none("/proc/self/cgroup"));
    }
}
