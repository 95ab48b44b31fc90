package dev.asios.tune.apply;

import dev.asios.host.kernel.TaskStat;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.hold.DeviceHolder;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.TaskRef;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each {@link Operation} means on a host: how its state is read, how it is done, and how
 * it is undone. Shared by apply, rollback, status and repair, so they always agree. Devices are
 * held open by {@link DeviceHolder} processes; tasks are placed by {@link TaskPlacements}.
 */
public final class HostOperations {

    private final Sysroot sysroot;
    private final CgroupFs cgroups;
    private final DeviceHolder holders;
    private final TaskPlacements tasks;

    /** Operations on {@code sysroot}, with cgroups made and tasks moved through {@code cgroups}, and the kernel's task affinity. */
    public HostOperations(Sysroot sysroot, CgroupFs cgroups) {
        this(sysroot, cgroups, TaskAffinity.kernel(sysroot));
    }

    /** Operations on {@code sysroot}, with cgroups made and tasks moved through {@code cgroups}, and tasks' CPUs set through {@code affinity}. */
    public HostOperations(Sysroot sysroot, CgroupFs cgroups, TaskAffinity affinity) {
        this.sysroot = sysroot;
        this.cgroups = cgroups;
        this.holders = new DeviceHolder(sysroot);
        this.tasks = new TaskPlacements(sysroot, cgroups, affinity);
    }

    /** Operations on a host, or on a recorded tree, with the kernel's cgroupfs. */
    public static HostOperations of(Sysroot sysroot) {
        return new HostOperations(sysroot, CgroupFs.kernel(sysroot));
    }

    /** How tasks are found and placed, for {@link Operation#SET_AFFINITY}. */
    public TaskPlacements tasks() {
        return tasks;
    }

    /**
     * True when what the operation at {@code path} acted on is no more: a task that exited, or
     * whose id now names another task ({@link Operation#SET_AFFINITY}). Never for other operations.
     */
    public boolean gone(Operation operation, String path) {
        if (operation != Operation.SET_AFFINITY) {
            return false;
        }
        try {
            return tasks.gone(TaskRef.parse(path));
        } catch (ParseException e) {
            return false;
        }
    }

    /** The sysroot operated on. */
    public Sysroot sysroot() {
        return sysroot;
    }

    /**
     * The state of {@code path} now, in the format's canonical form; empty when it cannot be read.
     *
     * @throws ParseException if a file's text does not have its format
     */
    public Optional<String> state(Operation operation, String path, ValueFormat format, String desired) {
        return switch (operation) {
            case WRITE -> sysroot.read(path).map(format::effective);
            case CREATE_CGROUP -> Optional.of(sysroot.isDirectory(path) ? Operation.PRESENT : Operation.ABSENT);
            case WRITE_FILE -> Optional.of(sysroot.read(path).orElse(Operation.ABSENT));
            case HOLD_OPEN -> sysroot.exists(path) ? Optional.of(holders.state(path)) : Optional.empty();
            case SET_AFFINITY -> tasks.state(path, desired);
            case MOVE_TASKS -> {
                if (!sysroot.isDirectory(desired) || !sysroot.isDirectory(path)) {
                    yield Optional.empty();
                }
                int left = movable(desired).size();
                yield Optional.of(left == 0 ? desired : left + " movable tasks in " + desired);
            }
        };
    }

    /**
     * The original to journal before the operation: the state now, and for a task move the cgroup
     * the tasks come from (where rollback returns them).
     */
    public String original(Operation operation, String state, String desired) {
        return operation == Operation.MOVE_TASKS ? desired : state;
    }

    /**
     * Does the operation; returns the tasks moved (empty for other operations).
     *
     * @throws IOException if the kernel refuses; for a move, naming every task that exists and
     *     did not move (tasks that exited meanwhile, and kernel threads the kernel keeps, are not failures)
     */
    public List<Long> apply(Operation operation, String path, ValueFormat format, String desired) throws IOException {
        switch (operation) {
            case WRITE -> write(path, format, desired);
            case CREATE_CGROUP -> {
                if (!sysroot.isDirectory(path)) {
                    cgroups.create(path);
                }
            }
            case MOVE_TASKS -> {
                return move(movable(desired), desired, path);
            }
            case WRITE_FILE -> sysroot.replaceFile(path, desired);
            case HOLD_OPEN -> holders.hold(path, Long.parseLong(desired));
            case SET_AFFINITY -> tasks.place(path, desired);
        }
        return List.of();
    }

    /**
     * Undoes an operation from its journaled original: writes the original value or content back
     * (deleting a configuration file that did not exist), moves the tasks back, removes a
     * cgroup ASIOS made (its tasks first go to the parent cgroup), or places a task as it was
     * (unless it is gone).
     *
     * @throws IOException if the kernel refuses
     */
    public void restore(JournalEntry original) throws IOException {
        switch (original.operation()) {
            case WRITE -> write(original.path(), original.format(), original.value());
            case CREATE_CGROUP -> {
                if (Operation.ABSENT.equals(original.value()) && sysroot.isDirectory(original.path())) {
                    String parent = original.path().substring(0, original.path().lastIndexOf('/'));
                    move(cgroups.tasks(original.path()), original.path(), parent);
                    cgroups.remove(original.path());
                }
            }
            case MOVE_TASKS -> {
                if (sysroot.isDirectory(original.path())) {
                    move(cgroups.tasks(original.path()), original.path(), original.value());
                }
            }
            case WRITE_FILE -> {
                if (Operation.ABSENT.equals(original.value())) {
                    sysroot.deleteFile(original.path());
                } else {
                    sysroot.replaceFile(original.path(), original.value());
                }
            }
            case HOLD_OPEN -> {
                if (Operation.NOT_HELD.equals(original.value())) {
                    holders.release(original.path());
                } else {
                    holders.hold(original.path(), Long.parseLong(original.value()));
                }
            }
            case SET_AFFINITY -> tasks.restore(original);
        }
    }

    /** True when the path shows its journaled original state (never changed, or restored already; a task that is gone counts). */
    public boolean showsOriginal(JournalEntry original) {
        return switch (original.operation()) {
            case WRITE -> {
                Optional<String> text = sysroot.read(original.path());
                try {
                    yield text.isPresent() && original.format().shows(text.get(), original.value());
                } catch (ParseException e) {
                    yield false;
                }
            }
            case CREATE_CGROUP -> sysroot.isDirectory(original.path()) == Operation.PRESENT.equals(original.value());
            case MOVE_TASKS -> !sysroot.isDirectory(original.path()) || cgroups.tasks(original.path()).isEmpty();
            case WRITE_FILE -> sysroot.read(original.path()).orElse(Operation.ABSENT).equals(original.value());
            case HOLD_OPEN -> holders.state(original.path()).equals(original.value());
            case SET_AFFINITY -> tasks.showsOriginal(original);
        };
    }

    private void write(String path, ValueFormat format, String value) throws IOException {
        if (format == ValueFormat.CONTROLLERS) {
            cgroups.editControllers(path, format.toWrite(value, sysroot.read(path).orElse("")));
        } else {
            sysroot.write(path, value + "\n");
        }
    }

    /** The tasks of {@code cgroup} that may move to a cpuset that does not cover every CPU. */
    private List<Long> movable(String cgroup) {
        return cgroups.tasks(cgroup).stream()
                .filter(task -> stat(task).map(TaskStat::movable).orElse(false))
                .toList();
    }

    private List<Long> move(List<Long> candidates, String from, String to) throws IOException {
        List<Long> moved = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (long task : candidates) {
            try {
                cgroups.move(task, from, to);
                moved.add(task);
            } catch (IOException e) {
                Optional<TaskStat> stat = stat(task);
                if (stat.isPresent() && !stat.get().kernelThread()) {
                    refused.add(task + " (" + stat.get().comm() + "): " + e.getMessage());
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new IOException("moved " + moved.size() + " tasks from " + from + " to " + to + "; the kernel refused "
                    + refused.size() + ": " + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? "; ..." : ""));
        }
        return moved;
    }

    /** The task's stat, or empty when it has exited (or its stat cannot be read). */
    private Optional<TaskStat> stat(long task) {
        try {
            return sysroot.read("/proc/" + task + "/stat").map(TaskStat::parse);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
