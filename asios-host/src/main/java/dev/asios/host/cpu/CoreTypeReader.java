package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Finds hybrid core types: Intel's {@code /sys/devices/cpu_core/cpus} and
 * {@code /sys/devices/cpu_atom/cpus} PMUs, a {@code /sys/devices/system/cpu/types/NAME/cpumap}
 * tree, or on ARM big.LITTLE distinct {@code cpu_capacity} values.
 */
final class CoreTypeReader {

    private final SysrootValues values;

    CoreTypeReader(SysrootValues values) {
        this.values = values;
    }

    CoreTypes read(CpuSet usable) {
        Map<Integer, String> types = new HashMap<>();
        for (String pmu : new String[] {"cpu_core", "cpu_atom"}) {
            values.cpuList("/sys/devices/" + pmu + "/cpus").ifPresent(cpus -> cpus.stream().forEach(c -> types.put(c, "intel_" + pmu.substring(4))));
        }
        for (String type : values.sysroot().list("/sys/devices/system/cpu/types")) {
            values.cpuMask("/sys/devices/system/cpu/types/" + type + "/cpumap").ifPresent(cpus -> cpus.stream().forEach(c -> types.put(c, type)));
        }
        if (types.isEmpty()) {
            types.putAll(byCapacity(usable));
        }
        return new TreeSet<>(types.values()).size() > 1 ? new CoreTypes(types) : CoreTypes.NONE;
    }

    private Map<Integer, String> byCapacity(CpuSet usable) {
        Map<Integer, String> types = new HashMap<>();
        usable.stream().forEach(cpu -> {
            OptionalLong capacity = values.longValue("/sys/devices/system/cpu/cpu" + cpu + "/cpu_capacity");
            if (capacity.isPresent()) {
                types.put(cpu, "capacity-" + capacity.getAsLong());
            }
        });
        return types;
    }
}
