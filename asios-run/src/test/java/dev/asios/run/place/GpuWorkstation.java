package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;

/**
 * A single-GPU workstation as a recorded tree: one socket with 8 cores and 16 threads (CPU
 * {@code c} and {@code c + 8} are siblings), one NUMA node with 64 GiB (48 GiB free, 512 free
 * 2 MiB hugepages), and one GPU at {@code 0000:01:00.0} on a root port, whose {@code numa_node}
 * is -1 as on most one-socket machines.
 */
public final class GpuWorkstation {

    /** The GPU's PCI address. */
    public static final String GPU = "0000:01:00.0";

    /** The CPUs a tuning profile isolates on this workstation: cores 4-7 with their siblings. */
    public static final CpuSet ISOLATED = CpuSet.parseList("4-7,12-15");

    private static final int CPUS = 16;

    private GpuWorkstation() {
    }

    /** Writes the workstation into {@code tree} and reads it back. */
    public static HostSnapshot write(SysfsTree tree) {
        String rootPort = "/sys/devices/pci0000:00/0000:00:01.0";
        return new RecordedHost(tree)
                .cpus(CPUS, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: Test Ryzen\nflags\t\t: fpu lm avx2\n\n",
                        cpu -> 0, cpu -> cpu % 8)
                .onlineNodes("0")
                .node(0, CpuSet.parseList("0-15"), CPUS, 67108864L, 50331648L, 512, "10")
                .bridge(rootPort)
                .endpoint(rootPort + "/" + GPU, "0x030000", "0x10de", -1, "0-15")
                .inspect();
    }
}
