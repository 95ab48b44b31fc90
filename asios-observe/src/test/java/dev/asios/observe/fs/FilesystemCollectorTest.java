package dev.asios.observe.fs;

import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static dev.asios.observe.kerneltext.CollectorTesting.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sys.FileSystemSpace;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

    private static final String MOUNTS = """
            22 1 0:21 / /proc rw,relatime - proc proc rw
            25 1 253:1 / / rw,relatime - ext4 /dev/vda1 rw
            26 25 0:5 / /dev/shm rw - tmpfs tmpfs rw
            27 25 0:6 / /run rw - tmpfs tmpfs rw
            28 25 0:40 / /ckpt rw - nfs4 filer:/ckpt rw,vers=4.2
            29 25 253:1 /work /srv/work rw - ext4 /dev/vda1 rw
            30 25 0:41 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw
            """;

    private final MetricRegistry registry = new MetricRegistry();
    private final AtomicLong nowMs = new AtomicLong(1_000_000);

    @TempDir
    Path root;

    @Test
    void reportsEachRealFileSystemOnceWithItsSpace() throws Exception {
        Sysroot sysroot = tree(MOUNTS).sysroot();
        try (FilesystemCollector collector = new FilesystemCollector(sysroot, registry, path -> space(path, 100), nowMs::get)) {
            collector.collect();
        }
        assertThat(labels(registry, "asios_filesystem_size_bytes")).containsExactlyInAnyOrder(
                List.of("/", "/dev/vda1", "ext4"), List.of("/dev/shm", "tmpfs", "tmpfs"), List.of("/run", "tmpfs", "tmpfs"),
                List.of("/ckpt", "filer:/ckpt", "nfs4"));
        assertThat(value(registry, "asios_filesystem_size_bytes", "/ckpt", "filer:/ckpt", "nfs4")).isEqualTo(100 * 4096.0);
        assertThat(value(registry, "asios_filesystem_avail_bytes", "/", "/dev/vda1", "ext4")).isEqualTo(60 * 4096.0);
        assertThat(value(registry, "asios_filesystem_free_bytes", "/", "/dev/vda1", "ext4")).isEqualTo(70 * 4096.0);
        assertThat(value(registry, "asios_filesystem_files_free", "/", "/dev/vda1", "ext4")).isEqualTo(5);
        assertThat(value(registry, "asios_filesystem_device_error", "/", "/dev/vda1", "ext4")).isZero();
    }

    @Test
    void aFileSystemThatDoesNotAnswerIsAnErrorAndIsNotAskedAgainUntilItAnswers() throws Exception {
        CountDownLatch serverBack = new CountDownLatch(1);
        AtomicLong asked = new AtomicLong();
        FilesystemCollector.SpaceReader reader = path -> {
            if (path.endsWith("ckpt")) {
                asked.incrementAndGet();
                try {
                    serverBack.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            return space(path, 10);
        };
        try (FilesystemCollector collector = new FilesystemCollector(tree(MOUNTS).sysroot(), registry, reader, nowMs::get)) {
            long started = System.nanoTime();
            collector.collect();
            collector.collect();
            assertThat((System.nanoTime() - started) / 1e6).as("ms for two collections").isLessThan(2000);
            assertThat(value(registry, "asios_filesystem_device_error", "/ckpt", "filer:/ckpt", "nfs4")).isEqualTo(1);
            assertThat(value(registry, "asios_filesystem_size_bytes", "/ckpt", "filer:/ckpt", "nfs4")).isNaN();
            assertThat(value(registry, "asios_filesystem_size_bytes", "/", "/dev/vda1", "ext4")).as("the others are read").isEqualTo(40960);
            assertThat(asked).as("a blocked file system is not asked again").hasValue(1);
            serverBack.countDown();
            Thread.sleep(100);
            collector.collect();
            assertThat(value(registry, "asios_filesystem_device_error", "/ckpt", "filer:/ckpt", "nfs4")).isZero();
        }
    }

    @Test
    void aFailureIsAnErrorOfThatFileSystemOnly() throws Exception {
        FilesystemCollector.SpaceReader reader = path -> {
            if (path.endsWith("run")) {
                throw new NativeException("statvfs", "for " + path, 13, "EACCES", "Permission denied");
            }
            return space(path, 10);
        };
        Sysroot sysroot = tree(MOUNTS).sysroot();
        try (FilesystemCollector collector = new FilesystemCollector(sysroot, registry, reader, nowMs::get)) {
            collector.collect();
        }
        assertThat(value(registry, "asios_filesystem_device_error", "/run", "tmpfs", "tmpfs")).isEqualTo(1);
        assertThat(value(registry, "asios_filesystem_device_error", "/dev/shm", "tmpfs", "tmpfs")).isZero();
        assertThat(sysroot.diagnostics().warnings()).singleElement().asString().contains("/run").contains("Permission denied");
    }

    @Test
    void theMountTableIsReadAgainEvery30SecondsAndGoneMountsLoseTheirSeries() throws Exception {
        SysfsTree tree = tree(MOUNTS);
        try (FilesystemCollector collector = new FilesystemCollector(tree.sysroot(), registry, path -> space(path, 10), nowMs::get)) {
            collector.collect();
            tree.file(FilesystemCollector.MOUNTINFO, MOUNTS.replace("/ckpt", "/data"));
            nowMs.addAndGet(FilesystemCollector.MOUNT_TABLE_EVERY_MS - 1);
            collector.collect();
            assertThat(labels(registry, "asios_filesystem_size_bytes")).contains(List.of("/ckpt", "filer:/ckpt", "nfs4"));
            nowMs.addAndGet(1);
            collector.collect();
        }
        assertThat(labels(registry, "asios_filesystem_size_bytes")).doesNotContain(List.of("/ckpt", "filer:/ckpt", "nfs4"))
                .contains(List.of("/data", "filer:/data", "nfs4"));
        assertThat(labels(registry, "asios_filesystem_device_error")).doesNotContain(List.of("/ckpt", "filer:/ckpt", "nfs4"));
    }

    @Test
    void aGarbledMountTableNamesItsFile() {
        Sysroot sysroot = tree("garbage\n").sysroot();
        try (FilesystemCollector collector = new FilesystemCollector(sysroot, registry, path -> space(path, 1), nowMs::get)) {
            assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageContaining("mountinfo").hasMessageContaining("garbage");
        }
        assertThat(new FilesystemCollector(new SysfsTree(root.resolve("empty")).folder("/proc").sysroot(), new MetricRegistry()).availability().available())
                .isFalse();
    }

    @Test
    void onThisHostTheRootFileSystemMatchesTheJdk() throws Exception {
        try (FilesystemCollector collector = new FilesystemCollector(Sysroot.host(), registry)) {
            collector.collect();
        }
        List<String> rootLabels = labels(registry, "asios_filesystem_size_bytes").stream().filter(l -> l.getFirst().equals("/")).findFirst().orElseThrow();
        double size = value(registry, "asios_filesystem_size_bytes", rootLabels.toArray(String[]::new));
        assertThat(size).isEqualTo(java.nio.file.Files.getFileStore(Path.of("/")).getTotalSpace());
    }

    private SysfsTree tree(String mountinfo) {
        SysfsTree tree = new SysfsTree(root).file(FilesystemCollector.MOUNTINFO, mountinfo);
        for (String folder : List.of("/dev/shm", "/run", "/ckpt", "/data", "/srv/work")) {
            tree.folder(folder);
        }
        return tree;
    }

    /** A file system of {@code blocks} 4 KiB blocks, 70% free, 60% available. */
    private static FileSystemSpace space(Path path, long blocks) {
        return new FileSystemSpace(blocks * 4096, blocks * 7 / 10 * 4096, blocks * 6 / 10 * 4096, 10, 5, false);
    }
}
