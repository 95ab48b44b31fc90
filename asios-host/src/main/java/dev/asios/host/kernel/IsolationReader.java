package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.util.Optional;

/** Reads {@link Isolation} from sysfs and the boot parameters. */
final class IsolationReader {

    private final SysrootValues values;

    IsolationReader(SysrootValues values) {
        this.values = values;
    }

    Isolation read(BootParameters boot, int lastCpu) {
        return new Isolation(
                values.parsed("/sys/devices/system/cpu/isolated", KernelValueParser::parseSysfsCpuList),
                values.parsed("/sys/devices/system/cpu/nohz_full", KernelValueParser::parseSysfsCpuList),
                boot.parsed("isolcpus", value -> IsolcpusParameter.parse(value, lastCpu)),
                bootCpus(boot, "nohz_full", lastCpu),
                bootCpus(boot, "rcu_nocbs", lastCpu),
                bootCpus(boot, "irqaffinity", lastCpu));
    }

    private static Optional<CpuSet> bootCpus(BootParameters boot, String name, int lastCpu) {
        return boot.parsed(name, value -> KernelValueParser.parseBootCpuList(value, lastCpu));
    }
}
