package dev.asios.tune.tunable;

import dev.asios.tune.plan.ValueFormat;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ThpDefrag;
import dev.asios.tune.profile.ThpMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The host-wide single-file settings of a profile, in the order they are applied. */
public final class FileSettings {

    private static final String THP = "/sys/kernel/mm/transparent_hugepage/";

    private FileSettings() {
    }

    /** Every single-file tunable. */
    public static List<FileSettingTunable> all() {
        return List.of(
                bracketed("memory.thp", THP + "enabled", p -> p.memory().thp().map(ThpMode::kernelName), "transparent hugepages mode"),
                bracketed("memory.thpDefrag", THP + "defrag", p -> p.memory().thpDefrag().map(ThpDefrag::kernelName), "when page faults compact memory"),
                plain("memory.khugepagedDefrag", THP + "khugepaged/defrag", p -> flag(p.memory().khugepagedDefrag()), "background hugepage collapse"),
                plain("memory.numaBalancing", "/proc/sys/kernel/numa_balancing", p -> flag(p.memory().numaBalancing()), "automatic NUMA page migration"),
                plain("memory.swappiness", "/proc/sys/vm/swappiness", p -> number(p.memory().swappiness()), "how eagerly anonymous memory is swapped"),
                plain("memory.zoneReclaimMode", "/proc/sys/vm/zone_reclaim_mode", p -> number(p.memory().zoneReclaimMode()), "reclaim on the local node instead of allocating remotely"),
                plain("memory.minFreeKbytes", "/proc/sys/vm/min_free_kbytes", p -> p.memory().minFreeKbytes().map(String::valueOf), "free memory reserve for atomic allocations"),
                plain("memory.dirtyRatio", "/proc/sys/vm/dirty_ratio", p -> number(p.memory().dirtyRatio()), "dirty page cache before writers block"),
                plain("memory.dirtyBackgroundRatio", "/proc/sys/vm/dirty_background_ratio", p -> number(p.memory().dirtyBackgroundRatio()), "dirty page cache before background writeback"),
                plain("noise.timerMigration", "/proc/sys/kernel/timer_migration", p -> flag(p.noise().timerMigration()), "timers may move off isolated CPUs"),
                plain("noise.statIntervalSeconds", "/proc/sys/vm/stat_interval", p -> number(p.noise().statIntervalSeconds()), "vmstat update period"),
                plain("noise.nmiWatchdog", "/proc/sys/kernel/nmi_watchdog", p -> flag(p.noise().nmiWatchdog()), "hard-lockup detector NMIs on every CPU"),
                plain("noise.rtThrottling", "/proc/sys/kernel/sched_rt_runtime_us", p -> p.noise().rtThrottling().map(on -> on ? "950000" : "-1"), "real-time throttling"),
                plain("noise.ksm", "/sys/kernel/mm/ksm/run", p -> flag(p.noise().ksm()), "kernel same-page merging scanner"),
                plain("network.busyPollUs", "/proc/sys/net/core/busy_poll", p -> number(p.network().busyPollUs()), "socket busy polling for poll/select"),
                plain("network.busyReadUs", "/proc/sys/net/core/busy_read", p -> number(p.network().busyPollUs()), "socket busy polling for reads"),
                plain("network.rmemMax", "/proc/sys/net/core/rmem_max", p -> number(p.network().socketBufferBytes()), "largest socket receive buffer"),
                plain("network.wmemMax", "/proc/sys/net/core/wmem_max", p -> number(p.network().socketBufferBytes()), "largest socket send buffer"));
    }

    private static FileSettingTunable plain(String id, String path, Function<Profile, Optional<String>> desired, String what) {
        return new FileSettingTunable(id, path, ValueFormat.PLAIN, desired, what);
    }

    private static FileSettingTunable bracketed(String id, String path, Function<Profile, Optional<String>> desired, String what) {
        return new FileSettingTunable(id, path, ValueFormat.BRACKETED, desired, what);
    }

    private static Optional<String> flag(Optional<Boolean> on) {
        return on.map(b -> b ? "1" : "0");
    }

    private static Optional<String> number(Optional<Integer> value) {
        return value.map(String::valueOf);
    }
}
