package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.cpu.CpuTopologyReader;
import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel-state reader on the recorded machines of {@code shared/conformance/topology}. These
 * dumps were made for topology, so most kernel files are missing: the reader must finish, report
 * absences, and warn about nothing, since nothing in them is garbled.
 */
class KernelStateConformanceTest {

    static Stream<String> dumps() {
        return ConformanceDumps.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void readsEveryDumpWithoutWarnings(String name) {
        SysrootValues values = new SysrootValues(Sysroot.of(ConformanceDumps.sysroot(name)));
        KernelState state = new KernelStateReader(values).read(onlineCpus(name));
        assertThat(values.sysroot().diagnostics().warnings()).as(name).isEmpty();
        assertThat(state.irqbalance().running()).as("no process table in a dump").isEmpty();
    }

    @Test
    void powerPcWithGpuMemoryNodes() {
        KernelState state = read("nvidiagpunumanodes");
        assertThat(state.kernel().release()).contains("4.14.0-49.el7a.bz1553205.page_fault_hang.ppc64le");
        assertThat(state.kernel().version()).contains(new KernelVersion(4, 14, 0));
        KernelCommandLine commandLine = state.kernel().commandLine().orElseThrow();
        assertThat(commandLine.value("root")).contains("/dev/mapper/system-root");
        assertThat(commandLine.value("crashkernel")).contains("auto");
        assertThat(commandLine.has("ro")).isTrue();
        Cgroups cgroups = state.cgroups().orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.V1);
        assertThat(cgroups.mounts()).contains(new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/cpuset", List.of("cpuset"), Optional.empty()));
        assertThat(cgroups.mounts()).filteredOn(m -> m.name().isPresent()).extracting(CgroupMount::mountPoint).containsExactly("/sys/fs/cgroup/systemd");
        assertThat(state.container()).isEqualTo(Virtualization.none("/proc/self/cgroup"));
        assertThat(state.virtualMachine()).isEqualTo(Virtualization.UNKNOWN);
    }

    @Test
    void cloudStackGuestIsAKvmVirtualMachine() {
        KernelState state = read("2pa-pcidomain32bits");
        assertThat(state.virtualMachine()).isEqualTo(Virtualization.found(VirtualizationKind.VM, "KVM", "/sys/class/dmi/id/product_name"));
        assertThat(state.cgroups().orElseThrow().version()).isEqualTo(CgroupVersion.V1);
        assertThat(state.cgroups().orElseThrow().mounts()).hasSize(10);
        assertThat(state.kernel().release()).isEmpty();
    }

    @Test
    void slurmNodeMountsAUnifiedHierarchyBesideV1() {
        Cgroups cgroups = read("32amd64-4s2n4c-cgroup2").cgroups().orElseThrow();
        assertThat(cgroups.version()).isEqualTo(CgroupVersion.HYBRID);
        assertThat(cgroups.mounts().getLast()).isEqualTo(new CgroupMount(CgroupVersion.V2, "/cgroup/unified", List.of("bar", "baz", "cpuset", "foo"), Optional.empty()));
        assertThat(cgroups.cpusetOnV2()).isTrue();
        assertThat(cgroups.isolatedPartitions()).as("kernel version unknown").isFalse();
        assertThat(read("32amd64-4s2n4c-cgroup2").virtualMachine()).isEqualTo(Virtualization.none("/proc/cpuinfo"));
    }

    @Test
    void armBoardWithCpufreqAndCpuidle() {
        KernelState state = read("2arm-2c");
        assertThat(state.cpuPower().frequencies()).containsExactly(
                new CpuFrequency(0, Optional.of("ondemand"), Optional.of("U8500"), Optional.empty(), OptionalLong.empty()));
        CpuIdle idle = state.cpuPower().idle();
        assertThat(idle.driver()).contains("cpuidle_driver");
        assertThat(idle.governor()).contains("menu");
        assertThat(idle.states()).extracting(CState::name).containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
        assertThat(idle.states()).extracting(CState::exitLatencyUs).containsExactly(0L, 0L, 50L, 50L, 800L, 8800L, 8500L);
        assertThat(state.cgroups().orElseThrow().version()).isEqualTo(CgroupVersion.NONE);
        assertThat(state.virtualMachine()).isEqualTo(Virtualization.UNKNOWN);
    }

    @Test
    void oldCpusetFileSystemIsNotACgroup() {
        assertThat(read("16amd64-8n2c-cpusets").cgroups().orElseThrow().version()).isEqualTo(CgroupVersion.NONE);
        assertThat(read("40intel64-2g2n4c+pcilocality").cgroups().orElseThrow().mounts())
                .containsExactly(new CgroupMount(CgroupVersion.V1, "/dev/cpuset", List.of("cpuset"), Optional.empty()));
    }

    private static KernelState read(String name) {
        return new KernelStateReader(new SysrootValues(Sysroot.of(ConformanceDumps.sysroot(name)))).read(onlineCpus(name));
    }

    /** The online CPUs as topology discovery finds them, read through a separate sysroot so its warnings stay out. */
    private static CpuSet onlineCpus(String name) {
        Path root = ConformanceDumps.sysroot(name);
        return new CpuTopologyReader(new SysrootValues(Sysroot.of(root))).read().onlineCpus();
    }
}
