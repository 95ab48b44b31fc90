package dev.asios.tune.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanExecutorTest {

    @TempDir
    Path tmp;

    @Test
    void reportsAFileThatDoesNotTakeTheValueAndGoesOnWithTheOthers() {
        Path root = tmp.resolve("root");
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").folder("/sys/kernel/mm/broken");
        Plan plan = new Plan("p", List.of(
                new Change("a", "/sys/kernel/mm/broken", ValueFormat.PLAIN, "1", "2", "r"),
                new Change("b", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "r")), List.of());
        List<Outcome> outcomes = executor(root).apply(plan);
        assertThat(outcomes).extracting(Outcome::ok).containsExactly(false, true);
        assertThat(outcomes.getFirst().error().orElseThrow()).isNotBlank();
    }

    @Test
    void skipsChangesThatAreAlreadyDoneAndReportsEachStepInOrder() {
        Path root = tmp.resolve("root");
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "10\n").file("/proc/sys/kernel/numa_balancing", "1\n");
        List<String> steps = new ArrayList<>();
        Plan plan = new Plan("p", List.of(
                new Change("a", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "10", "10", "r"),
                new Change("b", "/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "1", "0", "r")), List.of());
        new PlanExecutor(Sysroot.of(root), tmp.resolve("j"), Clock.systemUTC(), (step, path) -> steps.add(step + " " + path)).apply(plan);
        assertThat(steps).containsExactly("JOURNALED /proc/sys/kernel/numa_balancing", "WRITTEN /proc/sys/kernel/numa_balancing",
                "VERIFIED /proc/sys/kernel/numa_balancing");
    }

    @Test
    void aSecondApplyStacksAndRollbackReturnsToTheStateBeforeTheFirst() {
        Path root = tmp.resolve("root");
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n");
        Map<String, String> before = CrashTree.snapshot(root);
        executor(root).apply(new Plan("first", List.of(new Change("a", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "r")), List.of()));
        executor(root).apply(new Plan("second", List.of(new Change("a", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "10", "1", "r")), List.of()));
        assertThat(Journal.originals(Journal.read(tmp.resolve("j"))).get("/proc/sys/vm/swappiness").value()).isEqualTo("60");
        new Rollback(Sysroot.of(root), tmp.resolve("j"), Clock.systemUTC(), ExecutionListener.NONE).run();
        assertThat(CrashTree.snapshot(root)).isEqualTo(before);
    }

    @Test
    void rollbackWithNothingActiveDoesNothing() {
        Path root = tmp.resolve("root");
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n");
        assertThat(new Rollback(Sysroot.of(root), tmp.resolve("j"), Clock.systemUTC(), ExecutionListener.NONE).run()).isEmpty();
    }

    private PlanExecutor executor(Path root) {
        return new PlanExecutor(Sysroot.of(root), tmp.resolve("j"), Clock.systemUTC(), ExecutionListener.NONE);
    }
}
