package dev.asios.host.kernel;

import dev.asios.host.numa.MeminfoParser;
import dev.asios.host.sysroot.SysrootValues;
import java.util.Map;
import java.util.OptionalLong;

/** Reads {@link MemoryPolicy} from sysfs, sysctls, {@code /proc/swaps} and {@code /proc/meminfo}. */
final class MemoryPolicyReader {

    private static final String THP = "/sys/kernel/mm/transparent_hugepage";

    private final SysrootValues values;

    MemoryPolicyReader(SysrootValues values) {
        this.values = values;
    }

    MemoryPolicy read() {
        Map<String, Long> meminfo = values.parsed("/proc/meminfo", MeminfoParser::parse).orElse(Map.of());
        return new MemoryPolicy(
                values.parsed(THP + "/enabled", KernelChoice::parse),
                values.parsed(THP + "/defrag", KernelChoice::parse),
                values.parsed(THP + "/khugepaged/defrag", KernelValueParser::parseFlag),
                values.longValue("/proc/sys/kernel/numa_balancing"),
                values.longValue("/proc/sys/vm/swappiness"),
                values.longValue("/proc/sys/vm/zone_reclaim_mode"),
                values.parsed("/proc/swaps", SwapsParser::parse),
                field(meminfo, "SwapTotal"),
                field(meminfo, "SwapFree"));
    }

    private static OptionalLong field(Map<String, Long> meminfo, String key) {
        Long value = meminfo.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
