package dev.asios.host.sysroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysrootTest {

    @TempDir
    Path root;

    @Test
    void readsFilesUnderTheRootAndReportsMissingOnesAsAbsent() {
        SysfsTree tree = new SysfsTree(root).file("/proc/cmdline", "quiet splash\n");
        Sysroot sysroot = tree.sysroot();
        assertThat(sysroot.read("/proc/cmdline")).contains("quiet splash\n");
        assertThat(sysroot.readTrimmed("/proc/cmdline")).contains("quiet splash");
        assertThat(sysroot.read("/proc/missing")).isEmpty();
        assertThat(sysroot.diagnostics().warnings()).isEmpty();
    }

    @Test
    void warnsWhenAFolderIsReadAsAFile() {
        Sysroot sysroot = new SysfsTree(root).folder("/sys/kernel").sysroot();
        assertThat(sysroot.read("/sys/kernel")).isEmpty();
        assertThat(sysroot.diagnostics().warnings()).singleElement().satisfies(w -> assertThat(w.path()).isEqualTo("/sys/kernel"));
    }

    @Test
    void resolvesRelativeAndAbsoluteLinksInsideTheRoot() {
        Sysroot sysroot = new SysfsTree(root)
                .folder("/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0")
                .link("/sys/bus/pci/devices/0000:01:00.0", "../../../devices/pci0000:00/0000:00:01.0/0000:01:00.0")
                .link("/sys/class/x/abs", "/sys/devices/pci0000:00")
                .sysroot();
        assertThat(sysroot.realPath("/sys/bus/pci/devices/0000:01:00.0")).contains("/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0");
        assertThat(sysroot.realPath("/sys/class/x/abs/0000:00:01.0")).contains("/sys/devices/pci0000:00/0000:00:01.0");
        assertThat(sysroot.realPath("/sys/class/x/missing")).isEmpty();
        assertThat(sysroot.realPath("/../../etc")).isEmpty();
    }

    @Test
    void stopsOnLinkLoops() {
        Sysroot sysroot = new SysfsTree(root).folder("/sys").link("/sys/a", "b").link("/sys/b", "a").sysroot();
        assertThat(sysroot.realPath("/sys/a")).isEmpty();
        assertThat(sysroot.diagnostics().warnings()).singleElement().satisfies(w -> assertThat(w.problem()).contains("symbolic links"));
    }

    @Test
    void neverResolvesOutsideTheRoot() {
        Sysroot sysroot = new SysfsTree(root).folder("/sys").sysroot();
        assertThat(sysroot.resolve("//etc/passwd").startsWith(root)).isTrue();
        assertThatThrownBy(() -> sysroot.resolve("/sys/../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sysroot.resolve("relative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @org.junit.jupiter.api.Tag("host")
    void readsMultiDigitSysctlsWhole() throws Exception {
        for (String sysctl : new String[] {"/proc/sys/vm/swappiness", "/proc/sys/kernel/sched_rt_runtime_us", "/proc/sys/kernel/pid_max"}) {
            java.nio.file.Path file = java.nio.file.Path.of(sysctl);
            if (Files.isReadable(file)) {
                Process cat = new ProcessBuilder("cat", sysctl).start();
                String expected = new String(cat.getInputStream().readAllBytes()).strip();
                assertThat(Sysroot.host().readTrimmed(sysctl)).as(sysctl).contains(expected);
            }
        }
    }

    @Test
    void listsFolderNamesSorted() {
        Sysroot sysroot = new SysfsTree(root).file("/sys/b", "").file("/sys/a", "").sysroot();
        assertThat(sysroot.list("/sys")).containsExactly("a", "b");
        assertThat(sysroot.list("/sys/none")).isEmpty();
    }

    @Test
    void refusesRootsThatAreNotLinuxTrees() throws Exception {
        assertThatThrownBy(() -> Sysroot.of(root.resolve("nope"))).isInstanceOf(SysrootException.class).hasMessageContaining("does not exist");
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> Sysroot.of(file)).isInstanceOf(SysrootException.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> Sysroot.of(root)).isInstanceOf(SysrootException.class).hasMessageContaining("neither sys/ nor proc/");
    }

    @Test
    void typedReadsTurnGarbageIntoWarnings() {
        SysfsTree tree = new SysfsTree(root).file("/sys/n", "12\n").file("/sys/bad", "twelve").file("/sys/list", "0-3").file("/sys/mask", "zz");
        SysrootValues values = tree.values();
        assertThat(values.longValue("/sys/n")).hasValue(12);
        assertThat(values.longValue("/sys/bad")).isEmpty();
        assertThat(values.cpuList("/sys/list").orElseThrow().size()).isEqualTo(4);
        assertThat(values.cpuMask("/sys/mask")).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(Diagnostics.Warning::path).containsExactly("/sys/bad", "/sys/mask");
    }

    @Test
    void replacesAConfigurationFileWholeAndDeletesIt() throws Exception {
        Sysroot sysroot = new SysfsTree(root).folder("/proc").file("/etc/default/irqbalance", "OPTIONS=\"\"\n").sysroot();
        sysroot.replaceFile("/etc/default/irqbalance", "OPTIONS=\"\"\nIRQBALANCE_BANNED_CPULIST=3\n");
        assertThat(sysroot.read("/etc/default/irqbalance")).hasValue("OPTIONS=\"\"\nIRQBALANCE_BANNED_CPULIST=3\n");
        assertThat(Files.list(root.resolve("etc/default"))).as("no temporary file left").hasSize(1);
        sysroot.deleteFile("/etc/default/irqbalance");
        sysroot.deleteFile("/etc/default/irqbalance");
        assertThat(sysroot.exists("/etc/default/irqbalance")).isFalse();
        assertThatThrownBy(() -> sysroot.replaceFile("/etc/missing/x.cfg", "x")).hasMessageStartingWith("/etc/missing/x.cfg: cannot write");
    }

    @Test
    void createsAndRemovesAFolder() throws Exception {
        Sysroot sysroot = new SysfsTree(root).folder("/sys/fs/cgroup/cpuset").sysroot();
        sysroot.createDirectory("/sys/fs/cgroup/cpuset/a");
        assertThat(sysroot.isDirectory("/sys/fs/cgroup/cpuset/a")).isTrue();
        assertThatThrownBy(() -> sysroot.createDirectory("/sys/fs/cgroup/cpuset/a")).hasMessageContaining("cannot create");
        sysroot.removeDirectory("/sys/fs/cgroup/cpuset/a");
        sysroot.removeDirectory("/sys/fs/cgroup/cpuset/a");
        assertThat(sysroot.exists("/sys/fs/cgroup/cpuset/a")).isFalse();
    }
}
