package dev.asios.tune.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftTest {

    @TempDir
    Path tmp;

    @Test
    void statusShowsDriftAndRepairReappliesKeepingTheFirstOriginals() {
        Path root = tmp.resolve("root");
        Path journal = tmp.resolve("j");
        SysfsTree tree = new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").file("/proc/sys/kernel/numa_balancing", "1\n");
        Map<String, String> before = CrashTree.snapshot(root);
        Sysroot sysroot = Sysroot.of(root);
        new PlanExecutor(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(new Plan("inference", List.of(
                new Change("a", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "r"),
                new Change("b", "/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "1", "0", "r")), List.of()));

        TuneStatus clean = TuneStatus.read(sysroot, journal);
        assertThat(clean.profiles()).containsExactly("inference");
        assertThat(clean.appliedAt()).isPresent();
        assertThat(clean.drifted()).isEmpty();

        tree.file("/proc/sys/vm/swappiness", "30\n");
        TuneStatus drifted = TuneStatus.read(sysroot, journal);
        assertThat(drifted.drifted()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/proc/sys/vm/swappiness");
            assertThat(f.current()).contains("30");
            assertThat(f.applied()).isEqualTo("10");
            assertThat(f.original()).isEqualTo("60");
        });

        List<Outcome> repaired = new Repair(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        assertThat(repaired).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
        assertThat(TuneStatus.read(sysroot, journal).drifted()).isEmpty();
        assertThat(TuneStatus.read(sysroot, journal).profiles()).containsExactly("inference");

        new Rollback(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        assertThat(CrashTree.snapshot(root)).isEqualTo(before);
        assertThat(TuneStatus.read(sysroot, journal).inactive()).isTrue();
    }
}
