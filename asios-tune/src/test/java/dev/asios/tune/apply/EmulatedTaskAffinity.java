package dev.asios.tune.apply;

import dev.asios.host.kernel.CpusAllowed;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sched_setaffinity} on a recorded tree: the task's {@code status} gets the new
 * {@code Cpus_allowed_list}, limited to the CPUs of the v1 cpuset whose {@code tasks} lists it
 * (one of {@code cpusets}); a task with no {@code /proc} entry is {@code ESRCH}, and CPUs that the
 * cpuset does not allow are {@code EINVAL}, as the kernel answers.
 */
final class EmulatedTaskAffinity implements TaskAffinity {

    private static final Pattern LINE = Pattern.compile("(?m)^Cpus_allowed_list:.*$");

    private final Sysroot sysroot;
    private final List<String> cpusets;

    EmulatedTaskAffinity(Sysroot sysroot, List<String> cpusets) {
        this.sysroot = sysroot;
        this.cpusets = List.copyOf(cpusets);
    }

    @Override
    public void set(long tid, CpuSet cpus) throws IOException {
        Optional<Path> status = statusOf(tid);
        if (status.isEmpty()) {
            throw new IOException("sched_setaffinity for task " + tid + ": No such process (ESRCH)");
        }
        CpuSet allowed = cpusets.stream().filter(c -> sysroot.read(c + "/tasks").map(CgroupFs::parseTasks).orElse(List.of()).contains(tid))
                .findFirst().flatMap(c -> sysroot.read(c + "/cpuset.cpus").map(CpuSet::parseList)).orElseThrow();
        CpuSet granted = cpus.and(allowed);
        if (granted.isEmpty()) {
            throw new IOException("sched_setaffinity for task " + tid + " to CPUs " + cpus.toList() + ": Invalid argument (EINVAL)");
        }
        String text = Files.readString(status.get());
        CpusAllowed.parse(text);
        Files.writeString(status.get(), LINE.matcher(text).replaceFirst(Matcher.quoteReplacement("Cpus_allowed_list:\t" + granted.toList())));
    }

    private Optional<Path> statusOf(long tid) throws IOException {
        try (var processes = Files.list(sysroot.resolve("/proc"))) {
            return processes.map(p -> p.resolve("task/" + tid + "/status")).filter(Files::exists).findFirst();
        }
    }
}
