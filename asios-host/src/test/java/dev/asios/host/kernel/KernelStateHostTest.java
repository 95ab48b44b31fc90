package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.cpu.CpuTopologyReader;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reader on the running host, checked against independent sources: {@code uname}, the
 * shell's {@code ulimit}, and the mount table and process list read here line by line.
 */
@Tag("host")
class KernelStateHostTest {

    private static SysrootValues values;
    private static CpuSet online;
    private static KernelState state;

    @BeforeAll
    static void readHost() {
        values = new SysrootValues(Sysroot.host());
        online = new CpuTopologyReader(new SysrootValues(Sysroot.host())).read().onlineCpus();
        state = new KernelStateReader(values).read(online);
    }

    @Test
    void readsWithoutWarnings() {
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void releaseMatchesUname() throws IOException, InterruptedException {
        assertThat(state.kernel().release()).contains(run("uname", "-r"));
        assertThat(state.kernel().version()).isPresent();
        assertThat(state.kernel().banner().orElseThrow()).startsWith("Linux version " + run("uname", "-r"));
        assertThat(state.kernel().commandLine()).isPresent();
    }

    @Test
    void cgroupMountsAreThoseOfMountinfo() throws IOException {
        List<String[]> cgroupMounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields[List.of(fields).indexOf("-") + 1].startsWith("cgroup"))
                .toList();
        Cgroups cgroups = state.cgroups().orElseThrow();
        assertThat(cgroups.mounts()).extracting(CgroupMount::mountPoint).containsExactlyElementsOf(cgroupMounts.stream().map(f -> f[4]).toList());
        for (CgroupMount mount : cgroups.mounts()) {
            if (mount.version() == CgroupVersion.V2) {
                String controllers = Files.readString(Path.of(mount.mountPoint(), "cgroup.controllers")).strip();
                assertThat(mount.controllers()).containsExactlyInAnyOrder(controllers.isEmpty() ? new String[0] : controllers.split(" "));
            }
        }
        boolean v1 = cgroupMounts.stream().anyMatch(f -> f[List.of(f).indexOf("-") + 1].equals("cgroup"));
        boolean v2 = cgroupMounts.stream().anyMatch(f -> f[List.of(f).indexOf("-") + 1].equals("cgroup2"));
        CgroupVersion expected = v1 && v2 ? CgroupVersion.HYBRID : v1 ? CgroupVersion.V1 : v2 ? CgroupVersion.V2 : CgroupVersion.NONE;
        assertThat(cgroups.version()).isEqualTo(expected);
    }

    @Test
    void lockedMemoryMatchesUlimit() throws IOException, InterruptedException {
        String ulimit = run("sh", "-c", "ulimit -l");
        long expected = ulimit.equals("unlimited") ? LockedMemoryLimit.UNLIMITED : Long.parseLong(ulimit) * 1024;
        assertThat(state.lockedMemory().orElseThrow().softBytes()).isEqualTo(expected);
    }

    @Test
    void interruptColumnsAreTheOnlineCpus() {
        Interrupts interrupts = state.irqs().interrupts().orElseThrow();
        assertThat(interrupts.cpus()).containsExactlyElementsOf(online.stream().boxed().toList());
        assertThat(state.irqs().defaultAffinity()).isPresent();
        state.irqs().affinities().values().forEach(affinity -> assertThat(affinity.allowed()).isPresent());
    }

    @Test
    void irqbalanceAgreesWithTheProcessList() throws IOException {
        boolean running;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            running = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> comm(p).equals("irqbalance"));
        }
        assertThat(state.irqbalance().running()).contains(running);
    }

    @Test
    void virtualizationIsDecidedOnX86() {
        if (System.getProperty("os.arch").equals("amd64")) {
            assertThat(state.virtualMachine().kind()).isIn(VirtualizationKind.VM, VirtualizationKind.NONE);
        }
        assertThat(state.container().kind()).isNotEqualTo(VirtualizationKind.UNKNOWN);
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return output;
    }
}
