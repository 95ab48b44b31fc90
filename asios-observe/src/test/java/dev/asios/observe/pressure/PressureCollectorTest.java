package dev.asios.observe.pressure;

import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerCollection;
import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerReading;
import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static dev.asios.observe.kerneltext.CollectorTesting.recordedHost;
import static dev.asios.observe.kerneltext.CollectorTesting.value;
import static dev.asios.observe.kerneltext.CollectorTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressureCollectorTest {

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void theRecordedHostsTotalsMatchItsText() throws Exception {
        Sysroot host = recordedHost();
        PressureCollector collector = new PressureCollector(host, registry);
        assertThat(collector.availability().available()).isTrue();
        collector.collect();
        for (String resource : PressureCollector.RESOURCES) {
            for (String line : host.read("/proc/pressure/" + resource).orElseThrow().lines().toList()) {
                String kind = line.substring(0, 4);
                double micros = Double.parseDouble(line.substring(line.indexOf("total=") + 6));
                assertThat(value(registry, "asios_pressure_stalled_seconds", resource, kind)).as(resource + " " + line).isEqualTo(micros / 1e6);
            }
        }
        assertThat(labels(registry, "asios_pressure_stalled_seconds")).hasSize(6);
    }

    @Test
    void withoutPressureFilesPsiIsOff(@TempDir Path root) {
        Sysroot noPsi = new SysfsTree(root).folder("/proc").sysroot();
        assertThat(new PressureCollector(noPsi, registry).availability().reason()).isEqualTo("PSI is not enabled in this kernel (boot with psi=1)");
        Sysroot unreadable = new SysfsTree(root).folder("/proc/pressure/cpu").sysroot();
        assertThat(new PressureCollector(unreadable, new MetricRegistry()).availability().available()).isFalse();
        assertThat(unreadable.diagnostics().warnings()).singleElement().hasToString("/proc/pressure/cpu: unreadable: IOException (Is a directory)");
    }

    @Test
    void aMissingResourceIsSkippedAndACpuFileWithoutFullHasNoFullSeries(@TempDir Path root) throws Exception {
        SysfsTree tree = new SysfsTree(root).file("/proc/pressure/cpu", "some avg10=0.00 avg60=0.00 avg300=0.00 total=2500000\n")
                .file("/proc/pressure/io", "some avg10=0.00 avg60=0.00 avg300=0.00 total=7\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=3\n");
        PressureCollector collector = new PressureCollector(tree.sysroot(), registry);
        collector.collect();
        assertThat(values(registry)).as("series with a value, which are exposed").containsOnlyKeys(
                "asios_pressure_stalled_seconds_total{resource=\"cpu\",kind=\"some\"}",
                "asios_pressure_stalled_seconds_total{resource=\"io\",kind=\"some\"}",
                "asios_pressure_stalled_seconds_total{resource=\"io\",kind=\"full\"}");
        assertThat(value(registry, "asios_pressure_stalled_seconds", "cpu", "some")).isEqualTo(2.5);

        Files.delete(root.resolve("proc/pressure/cpu"));
        tree.file("/proc/pressure/io", "some avg10=0.00 avg60=0.00 avg300=0.00 total=9\n");
        assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessage("/proc/pressure/cpu is missing or unreadable");
        assertThat(value(registry, "asios_pressure_stalled_seconds", "io", "some")).as("the other files are still read").isEqualTo(9e-6);
    }

    @Test
    void aCollectionAllocatesNothingBeyondOpeningItsFiles() throws Exception {
        Sysroot host = recordedHost();
        long opening = allocatedBytesPerReading(host, "/proc/pressure/cpu", "/proc/pressure/memory", "/proc/pressure/io");
        long collecting = allocatedBytesPerCollection(new PressureCollector(host, registry));
        assertThat(collecting).as("bytes per collection; opening the 3 files costs %d", opening).isLessThanOrEqualTo(opening + 256);
    }
}
