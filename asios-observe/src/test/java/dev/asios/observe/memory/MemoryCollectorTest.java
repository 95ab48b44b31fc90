package dev.asios.observe.memory;

import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerCollection;
import static dev.asios.observe.kerneltext.CollectorTesting.allocatedBytesPerReading;
import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static dev.asios.observe.kerneltext.CollectorTesting.recordedHost;
import static dev.asios.observe.kerneltext.CollectorTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.numa.MeminfoParser;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCollectorTest {

    private static final double MIB_2 = 2 * 1024 * 1024;
    private static final double GIB = 1024 * 1024 * 1024;

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void theRecordedHostsValuesMatchItsText() throws Exception {
        Sysroot host = recordedHost();
        MemoryCollector collector = new MemoryCollector(host, registry);
        assertThat(collector.availability().available()).isTrue();
        collector.collect();

        Map<String, Long> meminfo = MeminfoParser.parse(host.read("/proc/meminfo").orElseThrow());
        assertThat(value(registry, "asios_memory_total_bytes")).isEqualTo(meminfo.get("MemTotal").doubleValue());
        assertThat(value(registry, "asios_memory_available_bytes")).isEqualTo(meminfo.get("MemAvailable").doubleValue());
        assertThat(value(registry, "asios_memory_free_bytes")).isEqualTo(meminfo.get("MemFree").doubleValue());
        assertThat(value(registry, "asios_memory_cached_bytes")).isEqualTo(meminfo.get("Cached").doubleValue());
        assertThat(value(registry, "asios_swap_total_bytes")).isEqualTo(meminfo.get("SwapTotal").doubleValue());
        assertThat(value(registry, "asios_swap_free_bytes")).isEqualTo(meminfo.get("SwapFree").doubleValue());

        List<String> thpEvents = new ArrayList<>();
        for (String line : host.read("/proc/vmstat").orElseThrow().lines().toList()) {
            String[] words = line.split(" ");
            double count = Double.parseDouble(words[1]);
            switch (words[0]) {
                case "pswpin" -> assertThat(value(registry, "asios_swap_in_pages")).isEqualTo(count);
                case "pswpout" -> assertThat(value(registry, "asios_swap_out_pages")).isEqualTo(count);
                case "pgfault" -> assertThat(value(registry, "asios_page_faults")).isEqualTo(count);
                case "pgmajfault" -> assertThat(value(registry, "asios_major_page_faults")).isEqualTo(count);
                default -> {
                    if (words[0].startsWith("thp_")) {
                        thpEvents.add(words[0]);
                        assertThat(value(registry, "asios_thp_events", words[0])).as(line).isEqualTo(count);
                    }
                }
            }
        }
        assertThat(thpEvents).contains("thp_fault_alloc", "thp_fault_fallback", "thp_collapse_alloc", "thp_split_pmd");
        assertThat(labels(registry, "asios_thp_events")).hasSameSizeAs(thpEvents);

        Map<String, Long> node = MeminfoParser.parse(host.read("/sys/devices/system/node/node0/meminfo").orElseThrow());
        assertThat(value(registry, "asios_node_memory_total_bytes", "0")).isEqualTo(node.get("MemTotal").doubleValue());
        assertThat(value(registry, "asios_node_memory_free_bytes", "0")).isEqualTo(node.get("MemFree").doubleValue());
        assertThat(value(registry, "asios_node_memory_used_bytes", "0")).isEqualTo(node.get("MemUsed").doubleValue());
        assertThat(value(registry, "asios_node_memory_file_bytes", "0")).isEqualTo(node.get("FilePages").doubleValue());
        assertThat(value(registry, "asios_node_memory_anon_bytes", "0")).isEqualTo(node.get("AnonPages").doubleValue());
        for (String line : host.read("/sys/devices/system/node/node0/numastat").orElseThrow().lines().toList()) {
            String[] words = line.split(" ");
            assertThat(value(registry, "asios_numa_events", "0", words[0])).as(line).isEqualTo(Double.parseDouble(words[1]));
        }
        assertThat(labels(registry, "asios_hugepages_bytes")).containsExactly(List.of("0", "2097152"), List.of("0", "1073741824"));
        assertThat(value(registry, "asios_hugepages_free_bytes", "0", "2097152")).isZero();
    }

    @Test
    void reportsEachNodeAndHugepageSizeOfATwoNodeHost(@TempDir Path root) throws Exception {
        new MemoryCollector(MemoryTrees.twoNodes(root).sysroot(), registry).collect();

        assertThat(value(registry, "asios_memory_cached_bytes")).isEqualTo(1_257_728.0 * 1024);
        assertThat(value(registry, "asios_swap_out_pages")).isEqualTo(151);
        assertThat(value(registry, "asios_thp_events", "thp_split_pmd")).isEqualTo(7);
        assertThat(value(registry, "asios_node_memory_free_bytes", "1")).isEqualTo(10_001_000.0 * 1024);
        assertThat(value(registry, "asios_node_memory_file_bytes", "0")).isEqualTo(600_000.0 * 1024);
        assertThat(value(registry, "asios_node_memory_anon_bytes", "1")).isEqualTo(201_000.0 * 1024);
        assertThat(value(registry, "asios_numa_events", "1", "other_node")).isEqualTo(11);
        assertThat(value(registry, "asios_numa_events", "0", "interleave_hit")).isEqualTo(40);
        assertThat(labels(registry, "asios_numa_events")).hasSize(2 * NodePart.NUMA_EVENTS.length);

        assertThat(labels(registry, "asios_hugepages_bytes")).containsExactly(List.of("0", "2097152"), List.of("0", "1073741824"),
                List.of("1", "2097152"), List.of("1", "1073741824"));
        assertThat(value(registry, "asios_hugepages_bytes", "1", "2097152")).isEqualTo(513 * MIB_2);
        assertThat(value(registry, "asios_hugepages_free_bytes", "1", "2097152")).isEqualTo(101 * MIB_2);
        assertThat(value(registry, "asios_hugepages_surplus_bytes", "1", "2097152")).isEqualTo(MIB_2);
        assertThat(value(registry, "asios_hugepages_bytes", "0", "1073741824")).isEqualTo(4 * GIB);
    }

    @Test
    void aKernelWithoutNumaShowsItsHugepagesAsNodeZeroAndNoNodeSeries(@TempDir Path root) throws Exception {
        Sysroot flat = MemoryTrees.hugepages(new SysfsTree(root).file("/proc/meminfo", MemoryTrees.MEMINFO).file("/proc/vmstat", MemoryTrees.VMSTAT),
                "/sys/kernel/mm/hugepages/hugepages-2048kB/", 64, 60, 0).sysroot();
        new MemoryCollector(flat, registry).collect();
        assertThat(labels(registry, "asios_hugepages_bytes")).containsExactly(List.of("0", "2097152"));
        assertThat(value(registry, "asios_hugepages_free_bytes", "0", "2097152")).isEqualTo(60 * MIB_2);
        assertThat(labels(registry, "asios_node_memory_total_bytes")).isEmpty();
        assertThat(labels(registry, "asios_numa_events")).isEmpty();
    }

    @Test
    void aNodeThatGoesAwayLosesItsSeriesAndOneThatComesIsFoundWithinAMinute(@TempDir Path root) throws Exception {
        SysfsTree tree = MemoryTrees.twoNodes(root).file("/sys/devices/system/node/online", "0\n");
        MemoryCollector collector = new MemoryCollector(tree.sysroot(), registry);
        collector.collect();
        assertThat(labels(registry, "asios_node_memory_total_bytes")).containsExactly(List.of("0"));

        tree.file("/sys/devices/system/node/online", "0-1\n");
        for (int i = 1; i < NumaNodes.RESCAN_COLLECTIONS; i++) {
            collector.collect();
        }
        assertThat(labels(registry, "asios_node_memory_total_bytes")).as("not yet read again").containsExactly(List.of("0"));
        collector.collect();
        assertThat(labels(registry, "asios_node_memory_total_bytes")).containsExactly(List.of("0"), List.of("1"));
        assertThat(labels(registry, "asios_hugepages_free_bytes")).hasSize(4);

        Path node1 = root.resolve("sys/devices/system/node/node1");
        try (var files = java.nio.file.Files.walk(node1)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        collector.collect();
        assertThat(labels(registry, "asios_node_memory_total_bytes")).containsExactly(List.of("0"));
        assertThat(labels(registry, "asios_numa_events")).allMatch(labels -> labels.getFirst().equals("0"));
        assertThat(labels(registry, "asios_hugepages_free_bytes")).hasSize(2);
    }

    @Test
    void withoutMeminfoItIsUnavailable(@TempDir Path root) {
        Sysroot empty = new SysfsTree(root).folder("/proc").sysroot();
        assertThat(new MemoryCollector(empty, registry).availability().reason()).isEqualTo("/proc/meminfo is missing or unreadable; is /proc mounted?");
    }

    @Test
    void aCollectionAllocatesNothingBeyondOpeningItsFiles(@TempDir Path root) throws Exception {
        Sysroot sysroot = MemoryTrees.twoNodes(root).sysroot();
        List<String> files = new ArrayList<>(List.of("/proc/meminfo", "/proc/vmstat"));
        for (int node = 0; node < 2; node++) {
            String dir = "/sys/devices/system/node/node" + node;
            files.addAll(List.of(dir + "/meminfo", dir + "/numastat"));
            for (String size : List.of("2048kB", "1048576kB")) {
                for (String state : List.of("nr", "free", "surplus")) {
                    files.add(dir + "/hugepages/hugepages-" + size + "/" + state + "_hugepages");
                }
            }
        }
        long opening = allocatedBytesPerReading(sysroot, files.toArray(String[]::new));
        long collecting = allocatedBytesPerCollection(new MemoryCollector(sysroot, registry));
        assertThat(collecting).as("bytes per collection; opening the %d files costs %d", files.size(), opening).isLessThanOrEqualTo(opening + 256);
    }
}
