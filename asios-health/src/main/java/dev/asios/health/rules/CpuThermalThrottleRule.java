package dev.asios.health.rules;

import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@value #ID}: a CPU that the processor slowed down for heat since the previous check, from the
 * x86 {@code thermal_throttle} counts in sysfs ({@code cpuN/thermal_throttle/core_throttle_count}
 * and {@code package_throttle_count}); hosts without them (virtual machines, other
 * architectures) have nothing to check. The first check only records the counts. No
 * remediation: it is the machine's cooling. Subject {@code cpu/N}.
 */
public final class CpuThermalThrottleRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "cpu-thermal-throttle";
    /** By default: a check every 5 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** By default: fire on the first check that counts one, clear after 6 checks without. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 6);

    static final String CPUS = "/sys/devices/system/cpu";

    private final Sysroot sysroot;
    private final SysrootValues values;
    private final Map<Integer, long[]> previous = new HashMap<>();

    /**
     * A rule reading {@code sysroot}'s throttle counts.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public CpuThermalThrottleRule(Sysroot sysroot, Duration interval, Hysteresis hysteresis) {
        super(ID, hysteresis, "CPU thermal throttle check interval", interval);
        this.sysroot = sysroot;
        this.values = new SysrootValues(sysroot);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        for (String name : sysroot.list(CPUS)) {
            if (!name.matches("cpu\\d{1,5}")) {
                continue;
            }
            int cpu = Integer.parseInt(name.substring(3));
            String dir = CPUS + "/" + name + "/thermal_throttle/";
            OptionalLong core = values.longValue(dir + "core_throttle_count");
            OptionalLong pkg = values.longValue(dir + "package_throttle_count");
            if (core.isEmpty() && pkg.isEmpty()) {
                continue;
            }
            long[] now = {core.orElse(0), pkg.orElse(0)};
            long[] before = previous.put(cpu, now);
            if (before != null && (now[0] > before[0] || now[1] > before[1])) {
                symptoms.add(symptom(cpu, Math.max(0, now[0] - before[0]), Math.max(0, now[1] - before[1]), now));
            }
        }
        return symptoms;
    }

    private Symptom symptom(int cpu, long core, long pkg, long[] totals) {
        return new Symptom("cpu/" + cpu, "", Severity.WARNING,
                "CPU " + cpu + " was slowed for heat" + sincePreviousCheck() + ": its core " + core + " time(s), its package " + pkg + " time(s) (counts now "
                        + totals[0] + " and " + totals[1] + ")",
                Optional.empty(), Map.of("cpu", Integer.toString(cpu), "core_throttles", Long.toString(core), "package_throttles", Long.toString(pkg)));
    }
}
