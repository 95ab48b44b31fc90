package dev.asios.health.heal.neighbour;

import dev.asios.host.cgroup.CgroupValueParser;
import dev.asios.host.cgroup.FlatKeyedParser;
import dev.asios.host.cgroup.IoStatParser;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;

/**
 * Reads how much of a resource a cgroup folder has used, as the kernel counts it, into two numbers:
 * the amount ({@link #AMOUNT}) and, for I/O, the operations ({@link #OPERATIONS}). Memory: the
 * bytes charged now ({@code memory.current}; v1 {@code memory.usage_in_bytes}). CPU: the
 * nanoseconds used ({@code cpu.stat usage_usec}; v1 {@code cpuacct.usage}). I/O: bytes read and
 * written and their operations, over all devices ({@code io.stat}; v1
 * {@code blkio.throttle.io_service_bytes} and {@code io_serviced}). Reuses one buffer, so it is not
 * thread-safe.
 */
final class Consumption {

    /** Index of the amount: bytes of memory, nanoseconds of CPU, bytes of I/O. */
    static final int AMOUNT = 0;
    /** Index of the I/O operations (0 for memory and CPU). */
    static final int OPERATIONS = 1;

    private static final String[] USAGE_USEC = {"usage_usec"};

    private final Sysroot sysroot;
    private final ByteText text = new ByteText();
    private final long[] selected = new long[1];
    private final long[] io = new long[4];

    Consumption(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /**
     * Reads the {@code resource} used by {@code folder} into {@code into}.
     *
     * @return false, leaving {@code into} alone, when the folder lacks the file or it cannot be understood
     */
    boolean read(PressureResource resource, CgroupFolder folder, long[] into) {
        boolean v2 = folder.version() == CgroupVersion.V2;
        try {
            return switch (resource) {
                case MEMORY -> count(folder.file(v2 ? "memory.current" : "memory.usage_in_bytes"), into);
                case CPU -> v2 ? cpuStat(folder, into) : count(folder.file("cpuacct.usage"), into);
                case IO -> v2 ? ioStat(folder, into) : blkio(folder, into);
            };
        } catch (ParseException | ArithmeticException e) {
            sysroot.diagnostics().warn(folder.hostPath(), "cannot read its " + resource.wireName() + " use: " + e.getMessage());
            return false;
        }
    }

    private boolean count(String file, long[] into) {
        if (!sysroot.readInto(file, text)) {
            return false;
        }
        into[AMOUNT] = CgroupValueParser.count(text);
        into[OPERATIONS] = 0;
        return true;
    }

    private boolean cpuStat(CgroupFolder folder, long[] into) {
        if (!sysroot.readInto(folder.file("cpu.stat"), text)) {
            return false;
        }
        FlatKeyedParser.select(text, USAGE_USEC, selected);
        if (selected[0] == FlatKeyedParser.ABSENT) {
            return false;
        }
        into[AMOUNT] = Math.multiplyExact(selected[0], 1000L);
        into[OPERATIONS] = 0;
        return true;
    }

    private boolean ioStat(CgroupFolder folder, long[] into) {
        if (!sysroot.readInto(folder.file("io.stat"), text)) {
            return false;
        }
        IoStatParser.sumIoStat(text, io);
        into[AMOUNT] = Math.addExact(io[IoStatParser.READ], io[IoStatParser.WRITE]);
        into[OPERATIONS] = Math.addExact(io[IoStatParser.READ_OPS], io[IoStatParser.WRITE_OPS]);
        return true;
    }

    private boolean blkio(CgroupFolder folder, long[] into) {
        if (!sysroot.readInto(folder.file("blkio.throttle.io_service_bytes"), text)) {
            return false;
        }
        IoStatParser.sumBlkio(text, io);
        long bytes = Math.addExact(io[IoStatParser.READ], io[IoStatParser.WRITE]);
        long operations = 0;
        if (sysroot.readInto(folder.file("blkio.throttle.io_serviced"), text)) {
            IoStatParser.sumBlkio(text, io);
            operations = Math.addExact(io[IoStatParser.READ], io[IoStatParser.WRITE]);
        }
        into[AMOUNT] = bytes;
        into[OPERATIONS] = operations;
        return true;
    }
}
