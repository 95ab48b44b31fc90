package dev.asios.health.rules;

import dev.asios.host.kernel.CpusAllowed;
import dev.asios.host.kernel.TaskStat;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the threads that last ran on some CPUs: every {@code /proc/PID/task/TID/stat} is read
 * into one reused buffer and its {@code processor} field checked; only a thread on one of the
 * CPUs has its {@code stat} read again for the command name and its {@code status} for the CPUs
 * it may run on. Threads come and go while the scan runs: one whose files vanished, or whose
 * file is garbled, is skipped and counted. Files are read through a second {@link Sysroot} on the
 * same root whose diagnostics are dropped, as asios-host's process table does, since those
 * failures are expected. Reads only; changes nothing. Not thread-safe.
 */
public final class TaskScanner {

    private final Sysroot quiet;
    private final ByteText buffer = new ByteText();
    private final TaskStatFields fields = new TaskStatFields();
    private ScanCost lastCost = new ScanCost(0, 0, 0, 0);

    /** Scans the processes of {@code sysroot}. */
    public TaskScanner(Sysroot sysroot) {
        this.quiet = sysroot.isHost() ? Sysroot.host() : Sysroot.of(sysroot.root());
    }

    /**
     * What one scan cost. Immutable.
     *
     * @param processes process folders listed
     * @param threads thread {@code stat} files read
     * @param skipped threads that vanished or whose files could not be parsed
     * @param nanos the scan's wall-clock time
     */
    public record ScanCost(int processes, int threads, int skipped, long nanos) {
    }

    /** The threads whose last CPU is in {@code cpus}, in pid and tid order; none if {@code cpus} is empty. */
    public List<TaskOnCpu> onCpus(CpuSet cpus) {
        long start = System.nanoTime();
        List<TaskOnCpu> found = new ArrayList<>();
        int processes = 0;
        int threads = 0;
        int skipped = 0;
        if (!cpus.isEmpty()) {
            for (String pid : numbers(quiet.list("/proc"))) {
                processes++;
                for (String tid : numbers(quiet.list("/proc/" + pid + "/task"))) {
                    threads++;
                    String dir = "/proc/" + pid + "/task/" + tid;
                    try {
                        if (!quiet.readInto(dir + "/stat", buffer)) {
                            skipped++;
                            continue;
                        }
                        fields.parse(buffer);
                        if (cpus.contains(fields.processor())) {
                            Optional<TaskOnCpu> task = read(Long.parseLong(pid), dir);
                            task.filter(t -> cpus.contains(t.cpu())).ifPresent(found::add);
                            skipped += task.isEmpty() ? 1 : 0;
                        }
                    } catch (ParseException e) {
                        skipped++;
                    }
                }
            }
        }
        lastCost = new ScanCost(processes, threads, skipped, System.nanoTime() - start);
        return found;
    }

    /** What the latest scan cost. */
    public ScanCost lastCost() {
        return lastCost;
    }

    // The thread may have moved or exited since its first read: its stat is read again whole.
    private Optional<TaskOnCpu> read(long pid, String dir) {
        Optional<String> stat = quiet.read(dir + "/stat");
        Optional<String> status = quiet.read(dir + "/status");
        if (stat.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        TaskStat task = TaskStat.parse(stat.get());
        TaskStatFields now = TaskStatFields.of(stat.get());
        return Optional.of(new TaskOnCpu(pid, task.pid(), task.comm(), now.processor(), CpusAllowed.parse(status.get()), now.flags()));
    }

    private static List<String> numbers(List<String> names) {
        List<String> numbers = new ArrayList<>(names.size());
        for (String name : names) {
            if (!name.isEmpty() && name.length() < 10 && name.chars().allMatch(Character::isDigit)) {
                numbers.add(name);
            }
        }
        return numbers;
    }
}
