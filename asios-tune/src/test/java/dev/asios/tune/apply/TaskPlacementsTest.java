package dev.asios.tune.apply;

import static dev.asios.tune.apply.TaskTree.HOUSEKEEPING;
import static dev.asios.tune.apply.TaskTree.ISOLATED;
import static dev.asios.tune.apply.TaskTree.MOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.TaskPlacement;
import dev.asios.tune.plan.TaskRef;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's placement journaled, applied, checked for drift and rolled back on a recorded tree, and a task id reused meanwhile. */
class TaskPlacementsTest {

    @TempDir
    Path root;

    @TempDir
    Path journal;

    @Test
    void aTaskLeavesTheIsolatedCpusetAndRollbackPutsItBack() throws Exception {
        TaskTree host = new TaskTree(root);
        TaskRef task = host.task(4242, 4243, 5000, "2-3", ISOLATED);
        HostOperations operations = host.operations();
        assertThat(operations.tasks().task(4242, 4243)).hasValue(task);
        assertThat(operations.tasks().cgroup(task, HOUSEKEEPING)).hasValue(ISOLATED);

        List<Outcome> outcomes = apply(operations, place(task, "2-3 in " + ISOLATED, "0 in " + HOUSEKEEPING));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error()).isEmpty());
        assertThat(host.lists(HOUSEKEEPING, 4243)).isTrue();
        assertThat(host.lists(ISOLATED, 4243)).isFalse();
        assertThat(host.cpus(task)).isEqualTo("0");
        assertThat(Journal.originals(Journal.read(journal)).values()).singleElement().satisfies(original -> {
            assertThat(original.operation()).isEqualTo(Operation.SET_AFFINITY);
            assertThat(original.path()).isEqualTo("/proc/4242/task/4243@5000");
            assertThat(original.value()).isEqualTo("2-3 in " + ISOLATED);
        });
        assertThat(TuneStatus.read(operations, journal).drifted()).isEmpty();

        List<Outcome> restored = new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        assertThat(restored).allMatch(Outcome::ok);
        assertThat(host.lists(ISOLATED, 4243)).isTrue();
        assertThat(host.lists(HOUSEKEEPING, 4243)).isFalse();
        assertThat(host.cpus(task)).isEqualTo("2-3");
        assertThat(TuneStatus.read(operations, journal).inactive()).isTrue();
    }

    @Test
    void aTaskWhoseCpusetAllowsOtherCpusOnlyGetsItsAffinityChangedAndDriftIsRepaired() {
        TaskTree host = new TaskTree(root);
        TaskRef task = host.task(900, 901, 77, "3", MOUNT);
        HostOperations operations = host.operations();
        assertThat(apply(operations, place(task, "3", "0-1"))).allMatch(Outcome::ok);
        assertThat(host.cpus(task)).isEqualTo("0-1");
        assertThat(host.lists(MOUNT, 901)).as("its cgroup is left alone").isTrue();

        host.task(900, 901, 77, "2", MOUNT);
        assertThat(TuneStatus.read(operations, journal).drifted()).singleElement().satisfies(f -> {
            assertThat(f.current()).hasValue("2");
            assertThat(f.applied()).isEqualTo("0-1");
            assertThat(f.original()).isEqualTo("3");
        });
        assertThat(new Repair(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        assertThat(host.cpus(task)).isEqualTo("0-1");

        assertThat(new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        assertThat(host.cpus(task)).as("the first original").isEqualTo("3");
    }

    @Test
    void aTaskIdReusedByAnotherTaskIsNeitherReportedNorTouchedAndItsOwnChangeIsJournaledApart() {
        TaskTree host = new TaskTree(root);
        TaskRef first = host.task(4242, 4243, 5000, "2-3", ISOLATED);
        HostOperations operations = host.operations();
        apply(operations, place(first, "2-3 in " + ISOLATED, "0 in " + HOUSEKEEPING));

        TaskRef second = new TaskTree(root).task(4242, 4243, 6100, "2", ISOLATED);
        assertThat(operations.tasks().gone(first)).isTrue();
        assertThat(operations.tasks().cgroup(first, ISOLATED)).isEmpty();
        assertThat(TuneStatus.read(operations, journal).files()).as("the first task's change is over").isEmpty();
        assertThat(TuneStatus.read(operations, journal).profiles()).containsExactly("asios-heal");

        apply(operations, place(second, "2 in " + ISOLATED, "1 in " + HOUSEKEEPING));
        assertThat(Journal.originals(Journal.read(journal)).values()).extracting(JournalEntry::path)
                .containsExactly("/proc/4242/task/4243@5000", "/proc/4242/task/4243@6100");
        assertThat(host.cpus(second)).isEqualTo("1");

        host.task(4242, 4243, 7300, "0-1", HOUSEKEEPING);
        List<Outcome> restored = new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        assertThat(restored).hasSize(2).allMatch(Outcome::ok);
        assertThat(host.cpus(new TaskRef(4242, 4243, 7300))).as("the third task with that id is left alone").isEqualTo("0-1");
        assertThat(host.lists(HOUSEKEEPING, 4243)).isTrue();
        assertThat(host.lists(ISOLATED, 4243)).isFalse();
        assertThat(TuneStatus.read(operations, journal).inactive()).isTrue();
    }

    @Test
    void aTaskThatExitedIsRestoredByNothingAndAnApplyToItFails() throws Exception {
        TaskTree host = new TaskTree(root);
        TaskRef task = host.task(31, 31, 10, "3", MOUNT);
        HostOperations operations = host.operations();
        apply(operations, place(task, "3", "0"));
        deleteTree(root.resolve("proc"));

        assertThat(operations.tasks().task(31, 31)).isEmpty();
        assertThat(new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
        assertThat(apply(operations, place(task, "3", "0"))).singleElement().satisfies(o -> assertThat(o.error()).hasValue("it is gone or unreadable"));
    }

    @Test
    void aCpusetThatAllowsNoneOfTheCpusRefusesTheAffinity() {
        TaskTree host = new TaskTree(root);
        TaskRef task = host.task(50, 52, 10, "2-3", ISOLATED);
        assertThat(apply(host.operations(), place(task, "2-3", "0"))).singleElement()
                .satisfies(o -> assertThat(o.error().orElseThrow()).contains("Invalid argument"));
        assertThat(host.cpus(task)).isEqualTo("2-3");
    }

    @Test
    void placementsAndTaskPathsReadBackAsWritten() {
        TaskPlacement placement = TaskPlacement.parse("0-1,3 in " + HOUSEKEEPING);
        assertThat(placement.cpus()).isEqualTo(CpuSet.parseList("0,1,3"));
        assertThat(placement.text()).isEqualTo("0-1,3 in " + HOUSEKEEPING);
        assertThat(TaskPlacement.parse(" 2 ").text()).isEqualTo("2");
        assertThat(TaskRef.parse("/proc/4242/task/4243@5000")).isEqualTo(new TaskRef(4242, 4243, 5000));
        assertThat(TaskPlacements.cgroupPaths("12:cpuset:/asios-isolated\n0::/user.slice\n1:name=x:/a:b\ngarbage\n4:cpu:../x\n5:memory:/../up\n"))
                .containsExactly("/asios-isolated", "/user.slice", "/a:b");
    }

    private List<Outcome> apply(HostOperations operations, Change change) {
        return new PlanExecutor(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(new Plan("asios-heal", List.of(change), List.of()));
    }

    private static Change place(TaskRef task, String current, String desired) {
        return new Change("heal.task", Operation.SET_AFFINITY, task.path(), ValueFormat.PLAIN, current, desired, "test");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
