package dev.asios.host.sys;

import static dev.asios.host.sys.HostThreads.onFreshThread;
import static dev.asios.host.sys.HostThreads.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.NumaMemoryPolicy.Current;
import dev.asios.host.sys.NumaMemoryPolicy.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NUMA memory policy on the real host (node 0 exists on every Linux host): set, read back, inherited. */
class NumaMemoryPolicyTest {

    private static final CpuSet NODE_0 = CpuSet.of(0);

    @Test
    void bindToNodeZeroIsReadBackAndInheritedThroughProcessBuilder() throws Exception {
        Current before = NumaMemoryPolicy.ofCurrentThread();
        List<String> childMaps = onFreshThread(() -> {
            NumaMemoryPolicy.setCurrentThread(Mode.BIND, NODE_0);
            assertThat(NumaMemoryPolicy.ofCurrentThread()).isEqualTo(new Current(Mode.BIND, NODE_0));
            return output("cat", "/proc/self/numa_maps").lines().toList();
        });
        // Format of numa_maps: "ADDRESS POLICY key=value ...", POLICY the VMA's or else the task's, such as "bind:0".
        assertThat(childMaps).isNotEmpty().anyMatch(line -> line.split(" ")[1].equals("bind:0"));
        assertThat(NumaMemoryPolicy.ofCurrentThread()).isEqualTo(before);
        assertThat(output("cat", "/proc/self/numa_maps")).doesNotContain("bind:0");
    }

    @Test
    void everyModeIsReadBack() throws Exception {
        List<Current> seen = onFreshThread(() -> {
            List<Current> read = new ArrayList<>();
            for (Mode mode : List.of(Mode.PREFERRED, Mode.INTERLEAVE, Mode.BIND, Mode.LOCAL, Mode.DEFAULT)) {
                NumaMemoryPolicy.setCurrentThread(mode, mode == Mode.DEFAULT || mode == Mode.LOCAL ? CpuSet.empty() : NODE_0);
                read.add(NumaMemoryPolicy.ofCurrentThread());
            }
            return read;
        });
        assertThat(seen).containsExactly(
                new Current(Mode.PREFERRED, NODE_0),
                new Current(Mode.INTERLEAVE, NODE_0),
                new Current(Mode.BIND, NODE_0),
                new Current(Mode.LOCAL, CpuSet.empty()),
                new Current(Mode.DEFAULT, CpuSet.empty()));
    }

    @Test
    void aNodeThatDoesNotExistIsEinval() {
        assertThatThrownBy(() -> onFreshThread(() -> {
            NumaMemoryPolicy.setCurrentThread(Mode.BIND, CpuSet.of(1000));
            return null;
        })).isInstanceOf(NativeException.class).hasMessage("set_mempolicy to BIND nodes 1000: Invalid argument (EINVAL)");
    }

    @Test
    void nodesThatDoNotFitTheModeAreRefused() {
        assertThatThrownBy(() -> NumaMemoryPolicy.setCurrentThread(Mode.BIND, CpuSet.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("memory policy BIND needs at least one node");
        assertThatThrownBy(() -> NumaMemoryPolicy.setCurrentThread(Mode.DEFAULT, NODE_0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("memory policy DEFAULT takes no nodes, not 0");
    }

    @Test
    void systemCallNumbersArePerArchitecture() {
        assertThat(Syscalls.number("set_mempolicy", "amd64")).hasValue(238);
        assertThat(Syscalls.number("get_mempolicy", "amd64")).hasValue(239);
        assertThat(Syscalls.number("perf_event_open", "amd64")).hasValue(298);
        for (String arch : List.of("aarch64", "riscv64")) {
            assertThat(Syscalls.number("set_mempolicy", arch)).hasValue(237);
            assertThat(Syscalls.number("get_mempolicy", arch)).hasValue(236);
            assertThat(Syscalls.number("perf_event_open", arch)).hasValue(241);
        }
        assertThat(Syscalls.number("set_mempolicy", "ppc64le")).isEmpty();
    }

    @Test
    void aSystemCallWithoutANumberFailsWithEnosys() {
        NativeCall missing = NativeCall.unavailable("set_mempolicy", "on os.arch ppc64le (no system call number known)");
        assertThatThrownBy(() -> missing.invokeFor("to BIND nodes 0", 2L)).isInstanceOf(NativeException.class)
                .hasMessage("set_mempolicy to BIND nodes 0 on os.arch ppc64le (no system call number known): Function not implemented (ENOSYS)");
    }
}
