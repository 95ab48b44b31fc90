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
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * Reads the host now. The PCI devices, block devices and kernel state are read on virtual
     * threads while the CPUs and NUMA nodes are read on this one; warnings are sorted by file, so
     * the snapshot does not depend on which reader finished first.
     */
    public HostSnapshot inspect() {
        SysrootValues values = new SysrootValues(sysroot);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<PciTopology> pci = readers.submit(() -> new PciReader(values).read());
            Future<List<BlockDevice>> blockDevices = readers.submit(() -> new BlockDeviceReader(values).read());
            CpuTopology cpu = new CpuTopologyReader(values).read();
            Future<KernelState> kernel = readers.submit(() -> new KernelStateReader(values).read(cpu.onlineCpus()));
            NumaTopology numa = new NumaReader(values).read(cpu.onlineCpus());
            PciTopology devices = result(pci);
            List<BlockDevice> blocks = result(blockDevices);
            KernelState state = result(kernel);
            List<Diagnostics.Warning> warnings = new ArrayList<>(sysroot.diagnostics().warnings());
            warnings.sort(Comparator.comparing(Diagnostics.Warning::path).thenComparing(Diagnostics.Warning::problem));
            return new HostSnapshot(sysroot.root().toString(), cpu, numa, devices, blocks, state, warnings);
        }
    }

    /** The reader's result; what it threw is thrown here, as if it had run on this thread. */
    private static <T> T result(Future<T> reader) {
        try {
            return reader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the host", e);
        }
    }
}
