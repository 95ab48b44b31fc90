package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads {@link CpuIdle}: the cpuidle folder, the first online CPU's states, and idle boot parameters. */
final class CpuIdleReader {

    private static final String CPU_DIR = "/sys/devices/system/cpu";

    private final SysrootValues values;

    CpuIdleReader(SysrootValues values) {
        this.values = values;
    }

    CpuIdle read(CpuSet onlineCpus, BootParameters boot) {
        String cpuidle = CPU_DIR + "/cpuidle";
        int first = onlineCpus.first();
        return new CpuIdle(
                KernelFiles.name(values, cpuidle + "/current_driver"),
                KernelFiles.name(values, cpuidle + "/current_governor").or(() -> KernelFiles.name(values, cpuidle + "/current_governor_ro")),
                first < 0 ? OptionalInt.empty() : OptionalInt.of(first),
                first < 0 ? List.of() : states(first),
                values.longValue("/sys/module/intel_idle/parameters/max_cstate"),
                boot.longValue("processor.max_cstate"),
                boot.longValue("intel_idle.max_cstate"),
                boot.string("idle"));
    }

    private List<CState> states(int cpu) {
        String dir = CPU_DIR + "/cpu" + cpu + "/cpuidle";
        List<CState> states = new ArrayList<>();
        for (String name : values.sysroot().list(dir)) {
            if (name.startsWith("state") && KernelText.isDigits(name.substring(5)) && name.length() < 12) {
                state(dir + "/" + name, Integer.parseInt(name.substring(5))).ifPresent(states::add);
            }
        }
        states.sort(Comparator.comparingInt(CState::index));
        return states;
    }

    private Optional<CState> state(String dir, int index) {
        Optional<String> name = KernelFiles.name(values, dir + "/name");
        OptionalLong latencyUs = values.longValue(dir + "/latency");
        if (name.isEmpty() || latencyUs.isEmpty()) {
            values.sysroot().diagnostics().warn(dir, "idle state without a readable name and latency; left out");
            return Optional.empty();
        }
        boolean disabled = values.parsed(dir + "/disable", KernelValueParser::parseFlag).orElse(false);
        return Optional.of(new CState(index, name.get(), latencyUs.getAsLong(), disabled));
    }
}
