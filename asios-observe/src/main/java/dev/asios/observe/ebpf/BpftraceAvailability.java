package dev.asios.observe.ebpf;

import dev.asios.observe.tool.BoundedTool;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether this host can run bpftrace probes at all: the {@code bpftrace} executable, and the
 * privileges to load BPF programs. What each probe attaches to is checked per part
 * ({@link ProbeRequirement}). Thread-safe.
 */
public final class BpftraceAvailability {

    /** Folders searched after {@code PATH}, where packages install bpftrace. */
    static final List<String> USUAL_FOLDERS = List.of("/usr/bin", "/usr/sbin", "/usr/local/bin");

    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private BpftraceAvailability() {
    }

    /** The {@code bpftrace} executable in {@code pathVariable}'s folders, then in {@link #USUAL_FOLDERS}. */
    public static Optional<Path> findBpftrace(String pathVariable) {
        return BoundedTool.onSearchPath("bpftrace", pathVariable + File.pathSeparator + String.join(File.pathSeparator, USUAL_FOLDERS));
    }

    /** Whether this process may load BPF programs, from {@code /proc/self/status}. */
    public static Availability privileges(Sysroot sysroot) {
        Optional<String> status = sysroot.read("/proc/self/status");
        if (status.isEmpty()) {
            return Availability.unavailable("eBPF probes need root, and /proc/self/status cannot be read to check");
        }
        try {
            return privileges(status.get());
        } catch (ParseException e) {
            return Availability.unavailable("eBPF probes need root, and the check failed: " + e.getMessage());
        }
    }

    // Format of /proc/PID/status: "Uid:\t0\t0\t0\t0" (real, effective, saved, file system), "CapEff:\t000001ffffffffff"
    /**
     * Whether a process with this {@code /proc/PID/status} may run bpftrace: root with
     * {@code CAP_SYS_ADMIN}, or {@code CAP_BPF} and {@code CAP_PERFMON}, in its effective set; or
     * another user with both in its ambient set, which a child such as bpftrace inherits.
     *
     * @throws ParseException if the text has no {@code Uid}, {@code CapEff} or {@code CapAmb} line
     *     in the kernel's format
     */
    public static Availability privileges(String status) {
        long effectiveUid = -1;
        long effective = -1;
        long ambient = -1;
        for (String line : status.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            try {
                switch (fields[0]) {
                    case "Uid:" -> effectiveUid = fields.length > 2 ? Long.parseLong(fields[2]) : -1;
                    case "CapEff:" -> effective = fields.length > 1 ? Long.parseUnsignedLong(fields[1], 16) : -1;
                    case "CapAmb:" -> ambient = fields.length > 1 ? Long.parseUnsignedLong(fields[1], 16) : -1;
                    default -> {
                    }
                }
            } catch (NumberFormatException e) {
                throw new ParseException("unreadable line in /proc/self/status: '" + line + "'");
            }
        }
        if (effectiveUid < 0 || effective == -1 || ambient == -1) {
            throw new ParseException("/proc/self/status lacks its Uid, CapEff or CapAmb line");
        }
        if (effectiveUid == 0 && canLoadBpf(effective)) {
            return Availability.AVAILABLE;
        }
        if (effectiveUid != 0 && has(ambient, CAP_BPF) && has(ambient, CAP_PERFMON)) {
            return Availability.AVAILABLE;
        }
        if (effectiveUid == 0) {
            return Availability.unavailable("eBPF probes need CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN): the agent runs as root without them,"
                    + " as in an unprivileged container");
        }
        return Availability.unavailable("eBPF probes need root: the agent runs as uid " + effectiveUid
                + "; run it as root, or give it CAP_BPF and CAP_PERFMON as ambient capabilities");
    }

    private static boolean canLoadBpf(long capabilities) {
        return has(capabilities, CAP_SYS_ADMIN) || has(capabilities, CAP_BPF) && has(capabilities, CAP_PERFMON);
    }

    private static boolean has(long capabilities, int capability) {
        return (capabilities >>> capability & 1) == 1;
    }
}
