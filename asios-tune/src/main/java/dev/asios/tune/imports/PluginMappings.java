package dev.asios.tune.imports;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mapping of each option of each tuned plugin: {@code cpu}, {@code vm}, {@code disk},
 * {@code sysctl}, {@code sysfs}, {@code scheduler}, {@code irqbalance} and {@code bootloader}
 * have ASIOS settings for some of their options; every other plugin has none.
 */
final class PluginMappings {

    private static final Pattern MICROSECONDS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern CSTATE = Pattern.compile("cstate\\.(?:id|name|id_no_zero):(.+)");
    private static final Pattern READ_AHEAD = Pattern.compile("(>?)\\s*([0-9]{1,9})(\\s+s)?");

    private static final Map<String, Mapping> CPU = Map.of(
            "governor", firstChoice("cpu.governor"),
            "energy_performance_preference", firstChoice("cpu.energyPerformancePreference"),
            "boost", (setting, unit, draft) -> draft.set("cpu.boost", TunedValues.bool(setting.value()), setting, ""),
            "force_latency", PluginMappings::forceLatency,
            "energy_perf_bias", Mapping.none("the energy-performance bias (EPB) has no ASIOS setting; cpu.energyPerformancePreference is the cpufreq preference (EPP)"),
            "min_perf_pct", Mapping.none("intel_pstate performance limits have no ASIOS setting"),
            "max_perf_pct", Mapping.none("intel_pstate performance limits have no ASIOS setting"));

    private static final Map<String, Mapping> VM = Map.of(
            "transparent_hugepages", Mapping.choice("memory.thp", KernelSettingMappings.THP_MODES),
            "transparent_hugepage", Mapping.choice("memory.thp", KernelSettingMappings.THP_MODES),
            "transparent_hugepage.defrag", Mapping.choice("memory.thpDefrag", KernelSettingMappings.THP_DEFRAG),
            "dirty_ratio", Mapping.integer("memory.dirtyRatio", 0, 100),
            "dirty_background_ratio", Mapping.integer("memory.dirtyBackgroundRatio", 0, 100),
            "dirty_bytes", percentOfMemory("memory.dirtyRatio"),
            "dirty_background_bytes", percentOfMemory("memory.dirtyBackgroundRatio"));

    private static final Map<String, Mapping> DISK = Map.of(
            "elevator", PluginMappings::elevator,
            "readahead", PluginMappings::readAhead);

    private PluginMappings() {
    }

    /** The mapping of option {@code key} of {@code unit}. */
    static Mapping of(TunedUnit unit, String key) {
        String option = "no ASIOS setting for tuned's " + unit.type() + " option " + key;
        return switch (unit.type()) {
            case "cpu" -> CPU.getOrDefault(key, Mapping.none(option));
            case "vm" -> VM.getOrDefault(key, Mapping.none(option));
            case "disk" -> DISK.getOrDefault(key, Mapping.none(option));
            case "sysctl" -> KernelSettingMappings.sysctl(key);
            case "sysfs" -> KernelSettingMappings.sysfs(key);
            case "scheduler" -> key.equals("isolated_cores") ? (setting, u, draft) -> draft.isolation().isolatedCores(setting)
                    : Mapping.none(option + " (process placement rules and scheduler tunables)");
            case "irqbalance" -> key.equals("banned_cpus")
                    ? (setting, u, draft) -> draft.isolation().applyTo("irq.irqbalanceBanIsolated", setting.value(), setting) : Mapping.none(option);
            case "bootloader" -> key.equals("cmdline") || key.startsWith("cmdline_") ? BootCmdline::map
                    : Mapping.none("a boot loader option with no ASIOS equivalent; ASIOS plans kernel parameters only");
            case "script" -> Mapping.none("runs a shell script, which ASIOS does not do; port what it does by hand");
            default -> Mapping.none("tuned's " + unit.type() + " plugin has no ASIOS equivalent");
        };
    }

    /** True for the plugins {@link #of} maps at least one option of. */
    static boolean hasSettings(String type) {
        return switch (type) {
            case "cpu", "vm", "disk", "sysctl", "sysfs", "scheduler", "irqbalance", "bootloader" -> true;
            default -> false;
        };
    }

    // "schedutil|ondemand|powersave": tuned takes the first the host offers
    private static Mapping firstChoice(String key) {
        return (setting, unit, draft) -> {
            String[] choices = TunedValues.resolved(setting.value()).split("\\s*\\|\\s*", -1);
            String first = TunedValues.kernelWord(choices[0]);
            draft.set(key, first, setting, choices.length > 1 ? "tuned takes the first of these the host offers; ASIOS takes " + first : "");
        };
    }

    // "3", or "cstate.id_no_zero:1|3": the exit latency of an idle state on the host, else 3 us
    private static void forceLatency(TunedSetting setting, TunedUnit unit, ProfileDraft draft) {
        String[] choices = TunedValues.resolved(setting.value()).split("\\s*\\|\\s*", -1);
        for (int i = 0; i < choices.length; i++) {
            if (MICROSECONDS.matcher(choices[i]).matches()) {
                draft.set("cpu.maxCstateLatencyUs", Integer.parseInt(choices[i]), setting, i == 0 ? ""
                        : "tuned first tries the exit latency of the idle states named, on the host; ASIOS takes tuned's fallback, " + choices[i] + " us");
                return;
            }
            Matcher cstate = CSTATE.matcher(choices[i]);
            if (!cstate.matches()) {
                throw new Unmapped("'" + choices[i] + "' is neither microseconds nor an idle state (cstate.id:N, cstate.name:NAME)");
            }
        }
        throw new Unmapped("the exit latency of an idle state, known only on the host; set cpu.maxCstateLatencyUs in microseconds");
    }

    // "40%" is a ratio; a plain number is bytes
    private static Mapping percentOfMemory(String key) {
        return (setting, unit, draft) -> {
            String value = TunedValues.resolved(setting.value());
            if (!value.endsWith("%")) {
                throw new Unmapped("an absolute size in bytes; ASIOS sets " + key + " as a percentage of memory");
            }
            draft.set(key, (int) TunedValues.integer(value.substring(0, value.length() - 1), 0, 100), setting, "");
        };
    }

    private static void elevator(TunedSetting setting, TunedUnit unit, ProfileDraft draft) {
        String scheduler = TunedValues.kernelWord(setting.value());
        String note = "";
        switch (scheduler) {
            case "deadline", "noop" -> {
                note = scheduler + " is the single-queue name; blk-mq kernels call it " + (scheduler.equals("noop") ? "none" : "mq-deadline");
                scheduler = scheduler.equals("noop") ? "none" : "mq-deadline";
            }
            case "cfq", "anticipatory" -> throw new Unmapped(scheduler + " was removed in Linux 5.0 with the single-queue block layer; bfq is its nearest successor");
            default -> {
            }
        }
        boolean nvme = unit.value("devices").map(rules -> DeviceMatch.matches(rules, "nvme0n1")).orElse(true);
        boolean rotational = unit.value("devices").map(rules -> DeviceMatch.matches(rules, "sda")).orElse(true);
        if (!nvme && !rotational) {
            throw new Unmapped("tuned sets it only on devices " + unit.value("devices").orElseThrow()
                    + ", neither NVMe (nvme*) nor SCSI disks (sd*); ASIOS sets the scheduler of NVMe and of rotational disks");
        }
        if (nvme) {
            draft.set("io.nvmeScheduler", scheduler, setting, note);
        }
        if (rotational) {
            draft.set("io.rotationalScheduler", scheduler, setting, note);
        }
    }

    // ">4096" (raise only), "4096" (KiB), "8192 s" (512-byte sectors)
    private static void readAhead(TunedSetting setting, TunedUnit unit, ProfileDraft draft) {
        String value = TunedValues.resolved(setting.value());
        Matcher size = READ_AHEAD.matcher(value);
        if (!size.matches()) {
            throw new Unmapped("'" + value + "' is not a read-ahead size (KiB, or 512-byte sectors with ' s')");
        }
        long number = Long.parseLong(size.group(2));
        int kib = (int) (size.group(3) == null ? number : number / 2);
        draft.set("io.readAheadKib", kib, setting, size.group(1).isEmpty() ? "" : "tuned only raises the read-ahead to this; ASIOS sets it");
    }
}
