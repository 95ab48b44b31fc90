package dev.asios.observe.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.collect.AllocationMeter;
import dev.asios.observe.collect.Recorded;
import dev.asios.observe.collect.Scrape;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCollectorTest {

    @TempDir
    Path root;

    private SysfsTree tree;
    private final MetricRegistry registry = new MetricRegistry();
    private final Scrape scrape = new Scrape(registry);
    private DiskCollector collector;

    @BeforeEach
    void setUp() {
        tree = new SysfsTree(root).folder("/sys/block/sda").folder("/sys/block/nvme0n1").folder("/sys/block/loop0").folder("/sys/block/zram0")
                .folder("/sys/block/ram0").file("/proc/diskstats", "");
        collector = new DiskCollector(tree.sysroot(), registry);
    }

    @Test
    void exposesAFourteenFieldDiskInBaseUnitsWithoutDiscardsOrFlushes() throws Exception {
        tree.file("/proc/diskstats", DiskStatsParserTest.FIELDS_14 + "   8       1 sda1 1 0 8 1 0 0 0 0 0 1 1\n");
        collector.collect();
        assertThat(scrape.value("asios_disk_reads_completed", "sda")).isEqualTo(100);
        assertThat(scrape.value("asios_disk_read_bytes", "sda")).isEqualTo(800 * 512);
        assertThat(scrape.value("asios_disk_read_time_seconds", "sda")).isEqualTo(0.030);
        assertThat(scrape.value("asios_disk_writes_completed", "sda")).isEqualTo(40);
        assertThat(scrape.value("asios_disk_written_bytes", "sda")).isEqualTo(160 * 512);
        assertThat(scrape.value("asios_disk_write_time_seconds", "sda")).isEqualTo(0.070);
        assertThat(scrape.value("asios_disk_io_in_progress", "sda")).isZero();
        assertThat(scrape.value("asios_disk_io_time_seconds", "sda")).isEqualTo(0.090);
        assertThat(scrape.value("asios_disk_io_time_weighted_seconds", "sda")).isEqualTo(0.110);
        assertThat(scrape.labels("asios_disk_read_bytes")).as("partitions are not whole disks").containsExactly("sda");
        assertThat(scrape.labels("asios_disk_discarded_bytes")).isEmpty();
        assertThat(scrape.labels("asios_disk_flushes_completed")).isEmpty();
    }

    @Test
    void exposesDiscardsFromEighteenFieldsAndFlushesFromTwenty() throws Exception {
        tree.file("/proc/diskstats", DiskStatsParserTest.FIELDS_18 + DiskStatsParserTest.FIELDS_20);
        collector.collect();
        assertThat(scrape.value("asios_disk_discards_completed", "sda")).isEqualTo(6);
        assertThat(scrape.value("asios_disk_discarded_bytes", "sda")).isEqualTo(48 * 512);
        assertThat(scrape.value("asios_disk_discard_time_seconds", "sda")).isEqualTo(0.009);
        assertThat(scrape.labels("asios_disk_flushes_completed")).containsExactly("nvme0n1");
        assertThat(scrape.value("asios_disk_flushes_completed", "nvme0n1")).isEqualTo(12);
        assertThat(scrape.value("asios_disk_flush_time_seconds", "nvme0n1")).isEqualTo(0.004);
        assertThat(scrape.value("asios_disk_io_in_progress", "nvme0n1")).isEqualTo(3);
    }

    @Test
    void leavesOutLoopAndRamDevices() throws Exception {
        tree.file("/proc/diskstats", "   7 0 loop0 1 0 8 0 0 0 0 0 0 0 0\n 1 0 ram0 1 0 8 0 0 0 0 0 0 0 0\n 253 0 zram0 1 0 8 0 0 0 0 0 0 0 0\n"
                + DiskStatsParserTest.FIELDS_14);
        collector.collect();
        assertThat(scrape.labels("asios_disk_reads_completed")).containsExactly("sda");
    }

    @Test
    void addsAndRemovesTheSeriesOfDisksThatComeAndGo() throws Exception {
        tree.file("/proc/diskstats", DiskStatsParserTest.FIELDS_20.replace("nvme0n1", "sda"));
        collector.collect();
        tree.file("/proc/diskstats", DiskStatsParserTest.FIELDS_20.replace("nvme0n1", "sda") + DiskStatsParserTest.FIELDS_20.replace(" 100 ", " 101 "));
        collector.collect();
        assertThat(scrape.labels("asios_disk_reads_completed")).containsExactly("nvme0n1", "sda");
        assertThat(scrape.value("asios_disk_reads_completed", "nvme0n1")).isEqualTo(101);

        tree.file("/proc/diskstats", DiskStatsParserTest.FIELDS_20.replace(" 100 ", " 102 "));
        collector.collect();
        assertThat(scrape.labels("asios_disk_reads_completed")).containsExactly("nvme0n1");
        assertThat(scrape.labels("asios_disk_flush_time_seconds")).containsExactly("nvme0n1");
        assertThat(scrape.value("asios_disk_reads_completed", "nvme0n1")).isEqualTo(102);
    }

    @Test
    void readsThisHostsRecordedDiskstats() throws Exception {
        for (String name : resource("debian12-sys-block").split("\n")) {
            tree.folder("/sys/block/" + name);
        }
        tree.file("/proc/diskstats", resource("debian12-diskstats"));
        collector.collect();
        assertThat(scrape.labels("asios_disk_reads_completed")).containsExactly("vda");
        assertThat(scrape.value("asios_disk_read_bytes", "vda")).isEqualTo(362396578.0 * 512);
        assertThat(scrape.value("asios_disk_flushes_completed", "vda")).isEqualTo(75502);
        assertThat(scrape.labels("asios_disk_read_bytes")).doesNotContain("loop0", "zram0");
    }

    @Test
    void failsWithTheFileAndLineWhenMalformedAndWhenMissing() {
        tree.file("/proc/diskstats", "   8 0 sda 1 2 3\n");
        assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageStartingWith("/proc/diskstats: ")
                .hasMessageContaining("sda 1 2 3");
        DiskCollector nowhere = new DiskCollector(new SysfsTree(root.resolve("empty")).folder("/proc").sysroot(), new MetricRegistry());
        assertThat(nowhere.availability().available()).isFalse();
        assertThat(nowhere.availability().reason()).contains("/proc/diskstats");
        assertThatThrownBy(nowhere::collect).hasMessageContaining("/proc/diskstats is missing");
    }

    @Test
    void allocatesLittlePerCollection() throws Exception {
        tree.file("/proc/diskstats", resource("debian12-diskstats") + DiskStatsParserTest.FIELDS_20 + DiskStatsParserTest.FIELDS_14);
        long open = AllocationMeter.bytesPerRead(tree.sysroot(), "/proc/diskstats");
        assertThat(AllocationMeter.bytesPerCollection(collector)).as("bytes per collection beyond the %d of opening the file", open)
                .isLessThan(open + 256);
    }

    private static String resource(String name) {
        return Recorded.text(DiskCollectorTest.class, name);
    }
}
