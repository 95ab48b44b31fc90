package dev.asios.host.sys;

import static dev.asios.host.sys.HostThreads.ofEveryJvmThread;
import static dev.asios.host.sys.HostThreads.onFreshThread;
import static dev.asios.host.sys.HostThreads.output;
import static dev.asios.host.sys.HostThreads.statusValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** CPU affinity on the real host: set, read back, inherited by a child, and refused clearly. */
class AffinityTest {

    @Test
    void oneCpuIsReadBackAndInheritedThroughProcessBuilder() throws Exception {
        CpuSet original = Affinity.ofCurrentThread();
        int last = original.stream().max().orElseThrow();

        List<String> seen = onFreshThread(() -> {
            Affinity.setCurrentThread(CpuSet.of(last));
            CpuSet readBack = Affinity.ofCurrentThread();
            String child = statusValue(output("cat", "/proc/self/status"), "Cpus_allowed_list");
            return List.of(readBack.toList(), child);
        });

        assertThat(seen).containsExactly(String.valueOf(last), String.valueOf(last));
        assertThat(Affinity.ofCurrentThread()).isEqualTo(original);
        assertThat(ofEveryJvmThread("status", s -> statusValue(s, "Cpus_allowed_list")))
                .as("no other JVM thread took the affinity").allMatch(line -> line.endsWith(" " + original.toList()));
    }

    @Test
    void taskAffinityIsWhatProcShows() throws Exception {
        long pid = ProcessHandle.current().pid();
        String status = Files.readString(Path.of("/proc/self/task/" + pid + "/status"));
        assertThat(Affinity.ofTask(pid).toList()).isEqualTo(statusValue(status, "Cpus_allowed_list"));
    }

    @Test
    void anotherTasksAffinityIsSetAndReadBack() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            CpuSet original = Affinity.ofTask(child.pid());
            int last = original.stream().max().orElseThrow();
            Affinity.setTask(child.pid(), CpuSet.of(last));
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(CpuSet.of(last));
            assertThat(statusValue(Files.readString(Path.of("/proc/" + child.pid() + "/status")), "Cpus_allowed_list")).isEqualTo(String.valueOf(last));
            Affinity.setTask(child.pid(), original);
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(original);
            assertThat(Affinity.ofCurrentThread()).as("the caller keeps its own").isEqualTo(original);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void settingATaskThatDoesNotExistIsEsrchAndBadArgumentsAreRefused() {
        assertThatThrownBy(() -> Affinity.setTask(4_194_305, CpuSet.of(0))).isInstanceOf(NativeException.class)
                .hasMessage("sched_setaffinity for task 4194305 to CPUs 0: No such process (ESRCH)");
        assertThatThrownBy(() -> Affinity.setTask(0, CpuSet.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Affinity.setTask(ProcessHandle.current().pid(), CpuSet.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one CPU");
    }

    @Test
    void aCpuThatDoesNotExistIsEinval() {
        assertThatThrownBy(() -> onFreshThread(() -> {
            Affinity.setCurrentThread(CpuSet.of(4000));
            return null;
        })).isInstanceOf(NativeException.class)
                .hasMessage("sched_setaffinity to CPUs 4000: Invalid argument (EINVAL)")
                .satisfies(e -> assertThat(((NativeException) e).errno()).isEqualTo(22));
    }

    @Test
    void aTaskThatDoesNotExistIsEsrch() {
        assertThatThrownBy(() -> Affinity.ofTask(4_194_305)).isInstanceOf(NativeException.class).hasMessageContaining("(ESRCH)");
        assertThatThrownBy(() -> Affinity.ofTask(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptySetAndVirtualThreadsAreRefused() throws Exception {
        assertThatThrownBy(() -> Affinity.setCurrentThread(CpuSet.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one CPU");
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Throwable thrown = executor.submit(() -> {
                try {
                    Affinity.setCurrentThread(CpuSet.of(0));
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).get();
            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("platform thread");
        }
    }
}
