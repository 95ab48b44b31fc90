package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads cpufreq and energy-bias settings per CPU and the boost switch. A CPU's cpufreq folder is
 * {@code cpuN/cpufreq} (usually a link to a policy), else the {@code cpufreq/policyK} folder whose
 * {@code affected_cpus} lists N.
 */
final class CpuPowerReader {

    private static final String CPU_DIR = "/sys/devices/system/cpu";

    private final SysrootValues values;

    CpuPowerReader(SysrootValues values) {
        this.values = values;
    }

    CpuPower read(CpuSet onlineCpus, BootParameters boot) {
        Map<Integer, String> policies = policyFolders();
        List<CpuFrequency> frequencies = new ArrayList<>();
        onlineCpus.stream().forEach(cpu -> frequency(cpu, policies).ifPresent(frequencies::add));
        return new CpuPower(frequencies, boost(), new CpuIdleReader(values).read(onlineCpus, boot));
    }

    private Optional<CpuFrequency> frequency(int cpu, Map<Integer, String> policies) {
        String own = CPU_DIR + "/cpu" + cpu + "/cpufreq";
        String dir = values.sysroot().isDirectory(own) ? own : policies.get(cpu);
        Optional<String> governor = Optional.empty();
        Optional<String> driver = Optional.empty();
        Optional<String> preference = Optional.empty();
        if (dir != null) {
            governor = KernelFiles.name(values, dir + "/scaling_governor");
            driver = KernelFiles.name(values, dir + "/scaling_driver");
            preference = KernelFiles.name(values, dir + "/energy_performance_preference");
        }
        OptionalLong bias = values.longValue(CPU_DIR + "/cpu" + cpu + "/power/energy_perf_bias");
        if (governor.isEmpty() && driver.isEmpty() && preference.isEmpty() && bias.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CpuFrequency(cpu, governor, driver, preference, bias));
    }

    private Map<Integer, String> policyFolders() {
        Map<Integer, String> byCpu = new HashMap<>();
        String base = CPU_DIR + "/cpufreq";
        for (String name : values.sysroot().list(base)) {
            if (name.startsWith("policy") && KernelText.isDigits(name.substring(6))) {
                String dir = base + "/" + name;
                values.parsed(dir + "/affected_cpus", KernelValueParser::parseSpacedCpuList)
                        .ifPresent(cpus -> cpus.stream().forEach(cpu -> byCpu.putIfAbsent(cpu, dir)));
            }
        }
        return byCpu;
    }

    private Optional<Boolean> boost() {
        Optional<Boolean> boost = values.parsed(CPU_DIR + "/cpufreq/boost", KernelValueParser::parseFlag);
        if (boost.isPresent()) {
            return boost;
        }
        return values.parsed(CPU_DIR + "/intel_pstate/no_turbo", KernelValueParser::parseFlag).map(noTurbo -> !noTurbo);
    }
}
