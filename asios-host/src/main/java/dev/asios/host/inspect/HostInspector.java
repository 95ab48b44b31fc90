package dev.asios.host.inspect;

import dev.asios.host.block.BlockDevice;
import dev.asios.host.block.BlockDeviceReader;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.cpu.CpuTopologyReader;
import dev.asios.host.kernel.KernelState;
import dev.asios.host.kernel.KernelStateReader;
import dev.asios.host.numa.NumaReader;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.pci.PciReader;
import dev.asios.host.pci.PciTopology;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.List;

/**
 * Reads a whole {@link HostSnapshot} from a sysroot. Never throws for a bad file: problems become
 * warnings in the snapshot. Thread-safe (holds no state between calls).
 */
public final class HostInspector {

    private final Sysroot sysroot;

    /** Inspects {@code sysroot}. */
    public HostInspector(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /** Reads the host now. */
    public HostSnapshot inspect() {
        SysrootValues values = new SysrootValues(sysroot);
        CpuTopology cpu = new CpuTopologyReader(values).read();
        NumaTopology numa = new NumaReader(values).read(cpu.onlineCpus());
        PciTopology pci = new PciReader(values).read();
        List<BlockDevice> blockDevices = new BlockDeviceReader(values).read();
        KernelState kernel = new KernelStateReader(values).read(cpu.onlineCpus());
        return new HostSnapshot(sysroot.root().toString(), cpu, numa, pci, blockDevices, kernel, sysroot.diagnostics().warnings());
    }
}
