package dev.asios.host.kernel;

import dev.asios.host.sysroot.Sysroot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of {@code /proc/[0-9]*}. Files of other processes are read through a second
 * {@link Sysroot} on the same root whose diagnostics are dropped: a process may exit between the
 * listing and the read, and another user's {@code environ} is unreadable by design, so these
 * failures are expected and are not warnings. A recorded tree without process folders has no
 * process table at all.
 */
final class ProcessTable {

    private final Sysroot quiet;
    private final List<Integer> pids;

    ProcessTable(Sysroot sysroot) {
        this.quiet = sysroot.isHost() ? Sysroot.host() : Sysroot.of(sysroot.root());
        this.pids = quiet.list("/proc").stream()
                .filter(name -> KernelText.isDigits(name) && name.length() < 10)
                .map(Integer::parseInt)
                .sorted()
                .toList();
    }

    /** True if the tree has process folders, so a search that finds nothing is a real "no". */
    boolean hasProcesses() {
        return !pids.isEmpty();
    }

    // Format of /proc/PID/comm: "irqbalance\n" (the executable name, cut to 15 characters)
    /** The lowest PID whose {@code comm} is {@code name}. */
    Optional<Integer> findByComm(String name) {
        return pids.stream().filter(pid -> quiet.readTrimmed("/proc/" + pid + "/comm").filter(name::equals).isPresent()).findFirst();
    }

    /** The environment of a process, or empty if it cannot be read. */
    Optional<Map<String, String>> environ(int pid) {
        return quiet.read("/proc/" + pid + "/environ").map(EnvironParser::parse);
    }
}
