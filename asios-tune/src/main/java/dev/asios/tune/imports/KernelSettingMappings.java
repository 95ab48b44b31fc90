package dev.asios.tune.imports;

import dev.asios.tune.profile.ThpDefrag;
import dev.asios.tune.profile.ThpMode;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The sysctls ({@code [sysctl]}) and sysfs files ({@code [sysfs]}) that have an ASIOS setting. */
final class KernelSettingMappings {

    /** The transparent hugepage modes, as the kernel names them. */
    static final Set<String> THP_MODES = Arrays.stream(ThpMode.values()).map(ThpMode::kernelName).collect(Collectors.toUnmodifiableSet());

    /** The transparent hugepage defrag policies, as the kernel names them. */
    static final Set<String> THP_DEFRAG = Arrays.stream(ThpDefrag.values()).map(ThpDefrag::kernelName).collect(Collectors.toUnmodifiableSet());

    private static final String THP = "/sys/kernel/mm/transparent_hugepage/";
    private static final Mapping BUSY_POLL = Mapping.integer("network.busyPollUs", 0, Integer.MAX_VALUE);
    private static final Mapping SOCKET_BUFFER = Mapping.integer("network.socketBufferBytes", 4096, Integer.MAX_VALUE);

    /** By sysctl name, with dots. */
    private static final Map<String, Mapping> SYSCTL = Map.ofEntries(
            Map.entry("vm.swappiness", Mapping.integer("memory.swappiness", 0, 200)),
            Map.entry("vm.dirty_ratio", Mapping.integer("memory.dirtyRatio", 0, 100)),
            Map.entry("vm.dirty_background_ratio", Mapping.integer("memory.dirtyBackgroundRatio", 0, 100)),
            Map.entry("vm.zone_reclaim_mode", Mapping.integer("memory.zoneReclaimMode", 0, 7)),
            Map.entry("vm.min_free_kbytes", Mapping.integer("memory.minFreeKbytes", 0, Long.MAX_VALUE)),
            Map.entry("kernel.numa_balancing", Mapping.flag("memory.numaBalancing")),
            Map.entry("vm.stat_interval", Mapping.integer("noise.statIntervalSeconds", 1, Integer.MAX_VALUE)),
            Map.entry("kernel.timer_migration", Mapping.flag("noise.timerMigration")),
            Map.entry("kernel.nmi_watchdog", Mapping.flag("noise.nmiWatchdog")),
            Map.entry("kernel.sched_rt_runtime_us", KernelSettingMappings::rtRuntime),
            Map.entry("net.core.busy_poll", BUSY_POLL),
            Map.entry("net.core.busy_read", BUSY_POLL),
            Map.entry("net.core.rmem_max", SOCKET_BUFFER),
            Map.entry("net.core.wmem_max", SOCKET_BUFFER));

    /** By file path. */
    private static final Map<String, Mapping> SYSFS = Map.of(
            "/sys/kernel/mm/ksm/run", Mapping.flag("noise.ksm"),
            THP + "enabled", Mapping.choice("memory.thp", THP_MODES),
            THP + "defrag", Mapping.choice("memory.thpDefrag", THP_DEFRAG),
            THP + "khugepaged/defrag", Mapping.flag("memory.khugepagedDefrag"));

    private KernelSettingMappings() {
    }

    /** The mapping of sysctl {@code key} (dots or slashes). */
    static Mapping sysctl(String key) {
        String name = key.replace('/', '.');
        Mapping mapping = SYSCTL.get(name);
        if (mapping != null) {
            return mapping;
        }
        return Mapping.none(name.startsWith("kernel.sched_") ? "a scheduler tunable, which has no ASIOS setting (Linux 5.13 moved most of them to debugfs)"
                : "no ASIOS setting for this sysctl");
    }

    /** The mapping of a write to the sysfs file {@code path}. */
    static Mapping sysfs(String path) {
        return SYSFS.getOrDefault(path, Mapping.none("a raw sysfs write; ASIOS changes only the settings it knows, so that it can verify and roll back each one"));
    }

    // kernel.sched_rt_runtime_us: -1 turns throttling off; 950000 (of each 1000000 us period) is the default
    private static void rtRuntime(TunedSetting setting, TunedUnit unit, ProfileDraft draft) {
        long runtime = TunedValues.integer(setting.value(), -1, Integer.MAX_VALUE);
        if (runtime != -1 && runtime != 950000) {
            throw new Unmapped("ASIOS turns real-time throttling off (-1) or leaves the default 950000; " + runtime + " is neither");
        }
        draft.set("noise.rtThrottling", runtime != -1, setting, "");
    }
}
