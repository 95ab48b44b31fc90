package dev.asios.observe.cgroup;

import static dev.asios.observe.cgroup.RunCgroupTrees.V1_FOLDERS;
import static dev.asios.observe.cgroup.RunCgroupTrees.V2_FOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.collect.AllocationMeter;
import dev.asios.observe.collect.Scrape;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCgroupCollectorTest {

    private static final TrackedRun RUN_A = new TrackedRun("a", List.of(V2_FOLDER));
    private static final TrackedRun RUN_B = new TrackedRun("b", V1_FOLDERS);

    @TempDir
    Path root;

    private SysfsTree tree;
    private final MetricRegistry registry = new MetricRegistry();
    private final Scrape scrape = new Scrape(registry);
    private final List<TrackedRun> runs = new ArrayList<>();
    private RunCgroupCollector collector;

    @BeforeEach
    void setUp() {
        tree = new SysfsTree(root);
        RunCgroupTrees.v2(tree);
        RunCgroupTrees.v1(tree);
        collector = new RunCgroupCollector(tree.sysroot(), registry, () -> List.copyOf(runs));
    }

    @Test
    void readsARunOnCgroupV2() throws Exception {
        runs.add(RUN_A);
        collector.collect();
        // CPU, user, system, periods, throttled periods, throttled; memory, limit, anon, file; I/O read and written bytes, reads, writes
        assertRun("a", 2.5, 2.0, 0.5, 10, 3, 0.15, 104857600, 1073741824, 50331648, 41943040, 90122, 4116, 23, 3);
    }

    @Test
    void readsARunOnV1ControllersAndShowsNoLimitWhenItHasNone() throws Exception {
        runs.add(RUN_B);
        collector.collect();
        assertRun("b", 3.5, 3.0, 0.5, 4, 1, 2.0, 20971520, Double.NaN, 16384, 12288, 8192, 4096, 2, 1);
        assertThat(scrape.labels("asios_run_memory_limit_bytes")).isEmpty();
    }

    @Test
    void aLimitSetLaterGetsASeriesAndOneLiftedLosesIt() throws Exception {
        runs.add(RUN_A);
        tree.file(V2_FOLDER + "/memory.max", "max\n");
        collector.collect();
        assertThat(scrape.labels("asios_run_memory_limit_bytes")).isEmpty();
        tree.file(V2_FOLDER + "/memory.max", "2147483648\n");
        collector.collect();
        assertThat(scrape.value("asios_run_memory_limit_bytes", "a")).isEqualTo(2147483648.0);
        tree.file(V2_FOLDER + "/memory.max", "max\n");
        collector.collect();
        assertThat(scrape.labels("asios_run_memory_limit_bytes")).isEmpty();
    }

    @Test
    void addsTheSeriesOfRunsThatStartAndRemovesThoseOfRunsThatEnd() throws Exception {
        runs.add(RUN_A);
        collector.collect();
        runs.add(RUN_B);
        collector.collect();
        assertThat(scrape.labels("asios_run_cpu_seconds")).containsExactly("a", "b");
        runs.remove(RUN_A);
        collector.collect();
        assertThat(scrape.labels("asios_run_cpu_seconds")).containsExactly("b");
        assertThat(scrape.labels("asios_run_io_reads")).containsExactly("b");
        runs.clear();
        collector.collect();
        assertThat(registry.families()).allSatisfy(family -> assertThat(family.allSeries()).isEmpty());
    }

    @Test
    void aCgroupGoneBeforeItIsReadIsNoErrorAndLosesItsSeries() throws Exception {
        runs.add(RUN_A);
        runs.add(RUN_B);
        collector.collect();
        for (String folder : V1_FOLDERS) {
            deleteTree(tree.root().resolve(folder.substring(1)));
        }
        collector.collect();
        assertThat(scrape.labels("asios_run_cpu_seconds")).containsExactly("a");
        assertThat(scrape.labels("asios_run_memory_bytes")).containsExactly("a");
        RunCgroupTrees.v1(tree);
        collector.collect();
        assertThat(scrape.labels("asios_run_cpu_seconds")).as("the run's folders are looked for again").containsExactly("a", "b");
    }

    @Test
    void aMalformedFileFailsNamingTheRunAndTheFileAfterTheOtherRunsAreRead() throws Exception {
        runs.add(RUN_A);
        runs.add(RUN_B);
        collector.collect();
        tree.file(V2_FOLDER + "/cpu.stat", "usage_usec lots\n");
        tree.file(V1_FOLDERS.get(3) + "/cpuacct.usage", "4000000000\n");
        assertThatThrownBy(collector::collect).isInstanceOf(IOException.class)
                .hasMessageStartingWith("run a: " + V2_FOLDER + "/cpu.stat: ").hasMessageContaining("'lots'");
        assertThat(scrape.value("asios_run_cpu_seconds", "b")).isEqualTo(4.0);
        assertThat(scrape.value("asios_run_cpu_seconds", "a")).as("the last good value stays").isEqualTo(2.5);
    }

    @Test
    void refusesACgroupPathThatIsNotAnAbsoluteHostPath() {
        runs.add(new TrackedRun("c", List.of("sys/fs/cgroup/asios-runs/run-c")));
        assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageContaining("run c: host path must be absolute");
    }

    @Test
    void allocatesNothingBeyondOpeningTheFiles() throws Exception {
        runs.add(RUN_A);
        runs.add(RUN_B);
        List<TrackedRun> fixed = List.copyOf(runs);
        RunCgroupCollector steady = new RunCgroupCollector(tree.sysroot(), new MetricRegistry(), () -> fixed);
        long open = 0;
        int files = 0;
        for (TrackedRun run : fixed) {
            RunCgroupFiles found = RunCgroupFiles.find(tree.sysroot(), run.cgroupPaths());
            for (int i = 0; i < found.size(); i++) {
                open += AllocationMeter.bytesPerRead(tree.sysroot(), found.path(i));
                files++;
            }
        }
        assertThat(files).isEqualTo(5 + 8);
        assertThat(AllocationMeter.bytesPerCollection(steady)).as("bytes per collection beyond the %d of opening its %d files", open, files)
                .isLessThan(open + 256);
    }

    /** The run's value of every field, in {@link RunField} order; NaN where it has no series. */
    private void assertRun(String run, double... byField) {
        assertThat(byField).hasSize(RunField.FIELDS.length);
        for (RunField field : RunField.FIELDS) {
            assertThat(scrape.value(field.column().name(), run)).usingComparator(Double::compare).as(field.column().name()).isEqualTo(byField[field.ordinal()]);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = java.nio.file.Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
