package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPowerReaderTest {

    private static final String CPU = "/sys/devices/system/cpu";

    @Test
    void intelPstateHostWithCStates(@TempDir Path root) {
        SysrootValues values = KernelTrees.ubuntu2404(root).values();
        CpuPower power = read(values, CpuSet.of(0, 1, 2, 3), "processor.max_cstate=1 intel_idle.max_cstate=2 idle=poll");

        assertThat(power.frequencies()).hasSize(4).allMatch(f -> f.governor().equals(Optional.of("powersave")));
        assertThat(power.frequencies().getFirst()).isEqualTo(new CpuFrequency(0, Optional.of("powersave"), Optional.of("intel_pstate"),
                Optional.of("balance_performance"), OptionalLong.of(6)));
        assertThat(power.boost()).contains(true);
        CpuIdle idle = power.idle();
        assertThat(idle.driver()).contains("intel_idle");
        assertThat(idle.governor()).contains("menu");
        assertThat(idle.statesCpu()).isEqualTo(OptionalInt.of(0));
        assertThat(idle.states()).containsExactly(new CState(0, "POLL", 0, false), new CState(1, "C1", 2, false),
                new CState(2, "C1E", 10, false), new CState(3, "C6", 170, true));
        assertThat(idle.intelIdleMaxCstate()).isEqualTo(OptionalLong.of(9));
        assertThat(idle.bootProcessorMaxCstate()).isEqualTo(OptionalLong.of(1));
        assertThat(idle.bootIntelIdleMaxCstate()).isEqualTo(OptionalLong.of(2));
        assertThat(idle.bootIdle()).contains("poll");
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void virtualMachineWithoutCpufreq(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .folder(CPU + "/cpufreq")
                .file(CPU + "/cpuidle/current_driver", "haltpoll\n")
                .file(CPU + "/cpuidle/current_governor", "haltpoll\n")
                .file(CPU + "/cpuidle/current_governor_ro", "haltpoll\n")
                .file(CPU + "/cpu1/cpuidle/state0/name", "POLL\n").file(CPU + "/cpu1/cpuidle/state0/latency", "0\n")
                .file(CPU + "/cpu1/cpuidle/state1/name", "haltpoll idle\n").file(CPU + "/cpu1/cpuidle/state1/latency", "1\n")
                .values();
        CpuPower power = read(values, CpuSet.of(1), "");
        assertThat(power.frequencies()).isEmpty();
        assertThat(power.boost()).isEmpty();
        assertThat(power.idle().driver()).contains("haltpoll");
        assertThat(power.idle().statesCpu()).isEqualTo(OptionalInt.of(1));
        assertThat(power.idle().states()).extracting(CState::name).containsExactly("POLL", "haltpoll idle");
        assertThat(power.idle().intelIdleMaxCstate()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void sharedPolicyFolderWithoutPerCpuLinks(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file(CPU + "/cpufreq/policy0/affected_cpus", "0 1\n")
                .file(CPU + "/cpufreq/policy0/scaling_governor", "schedutil\n")
                .file(CPU + "/cpufreq/policy0/scaling_driver", "cppc_cpufreq\n")
                .file(CPU + "/cpufreq/boost", "0\n")
                .file(CPU + "/intel_pstate/no_turbo", "0\n")
                .values();
        CpuPower power = read(values, CpuSet.of(0, 1, 2), "");
        assertThat(power.frequencies()).extracting(CpuFrequency::cpu).containsExactly(0, 1);
        assertThat(power.frequencies()).allMatch(f -> f.driver().equals(Optional.of("cppc_cpufreq")) && f.energyPerformancePreference().isEmpty());
        assertThat(power.boost()).contains(false);
    }

    @Test
    void stateFoldersSortNumericallyAndBrokenOnesAreWarned(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root);
        SysrootValues values = tree.values();
        for (int k : new int[] {0, 2, 10}) {
            tree.file(CPU + "/cpu0/cpuidle/state" + k + "/name", "S" + k + "\n").file(CPU + "/cpu0/cpuidle/state" + k + "/latency", k + "\n");
        }
        tree.file(CPU + "/cpu0/cpuidle/state3/name", "S3\n").file(CPU + "/cpu0/cpuidle/state2/disable", "maybe\n").folder(CPU + "/cpu0/cpuidle/stateX");
        List<CState> states = read(values, CpuSet.of(0), "").idle().states();
        assertThat(states).extracting(CState::index).containsExactly(0, 2, 10);
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path())
                .containsExactlyInAnyOrder(CPU + "/cpu0/cpuidle/state3", CPU + "/cpu0/cpuidle/state2/disable");
    }

    @Test
    void garbledBoostAndBootValuesAreWarnings(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file(CPU + "/cpufreq/boost", "on\n").values();
        CpuPower power = read(values, CpuSet.of(0), "processor.max_cstate=deep");
        assertThat(power.boost()).isEmpty();
        assertThat(power.idle().bootProcessorMaxCstate()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path())
                .containsExactlyInAnyOrder(CPU + "/cpufreq/boost", "/proc/cmdline");
    }

    private static CpuPower read(SysrootValues values, CpuSet online, String commandLine) {
        BootParameters boot = new BootParameters(CommandLineParser.parse(commandLine), values.sysroot().diagnostics());
        return new CpuPowerReader(values).read(online, boot);
    }
}
