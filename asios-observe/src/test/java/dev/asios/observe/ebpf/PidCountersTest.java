package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidCountersTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final MetricFamily launches = registry.counter("asios_test_launches", "Launches.", null, "pid");

    private List<List<String>> exposed() {
        return launches.allSeries().stream().map(Series::labelValues).toList();
    }

    @Test
    void exposesTheTopProcessesAndDropsThoseThatLeaveTheTop(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/proc/1").folder("/proc/2").folder("/proc/3");
        PidCounters counters = new PidCounters(launches, 2, tree.sysroot());

        counters.add(1, 10);
        counters.add(2, 5);
        counters.add(3, 1);
        counters.add(3, -4);
        counters.add(0, 100);
        counters.publish();
        assertThat(exposed()).containsExactly(List.of("1"), List.of("2"));

        counters.add(3, 20);
        counters.publish();
        assertThat(exposed()).containsExactly(List.of("1"), List.of("3"));
        assertThat(launches.series("3").value()).isEqualTo(21);
    }

    @Test
    void forgetsProcessesThatExited(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/proc/1").folder("/sys");
        PidCounters counters = new PidCounters(launches, 5, tree.sysroot());
        counters.add(1, 1);
        counters.add(2, 2);
        for (int i = 0; i < PidCounters.PRUNE_EVERY; i++) {
            counters.publish();
        }
        assertThat(exposed()).containsExactly(List.of("1"));
    }

    @Test
    void tracksABoundedNumberOfProcesses(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys");
        for (int pid = 1; pid <= PidCounters.MAX_TRACKED + 10; pid++) {
            tree.folder("/proc/" + pid);
        }
        PidCounters counters = new PidCounters(launches, 3, tree.sysroot());
        for (int pid = 1; pid <= PidCounters.MAX_TRACKED + 10; pid++) {
            counters.add(pid, pid);
        }
        counters.publish();
        assertThat(exposed()).containsExactly(List.of(Integer.toString(PidCounters.MAX_TRACKED + 8)), List.of(Integer.toString(PidCounters.MAX_TRACKED + 9)),
                List.of(Integer.toString(PidCounters.MAX_TRACKED + 10)));
    }

    @Test
    void refusesAFamilyWithOtherLabels() {
        assertThatThrownBy(() -> new PidCounters(registry.counter("asios_test_x", "X.", null, "run"), 3, null)).hasMessageContaining("labelled pid");
        assertThatThrownBy(() -> new PidCounters(launches, 0, null)).hasMessageContaining("at least 1");
    }
}
