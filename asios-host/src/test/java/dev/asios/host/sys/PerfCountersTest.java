package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.parse.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Software perf counters on the real host; they need perf_event_paranoid <= 1 or root. */
@Tag("host")
class PerfCountersTest {

    // Stops itself, then runs the loop in a child shell (a fork, so inheritance is exercised).
    private static final String STOPPED_WORK =
            "kill -STOP $$; sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; exit 0";

    @Test
    void countsAStoppedChildAndItsChildrenAfterSigcont() throws Exception {
        CpuSet cpus = Affinity.ofCurrentThread();
        Process process = new ProcessBuilder("sh", "-c", STOPPED_WORK).start();
        awaitState(process.pid(), "T");
        ResourceUsage before = ResourceUsage.ofChildren();
        PerfCounters.Snapshot counted;
        try (PerfCounters counters = PerfCounters.open(process.pid(), cpus)) {
            Signals.kill(process.pid(), Signals.SIGCONT);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            counted = counters.read();
        }
        ResourceUsage used = ResourceUsage.ofChildren().minus(before);

        assertThat(counted.taskClockNanos()).isPositive();
        assertThat(counted.pageFaults()).isPositive();
        assertThat(counted.contextSwitches()).isPositive();
        assertThat(counted.cpuMigrations()).isNotNegative();
        assertThat(counted.perCpuNanos().keySet()).containsExactlyElementsOf(cpus.stream().boxed().toList());
        assertThat((double) counted.perCpuTotalNanos()).isCloseTo(counted.taskClockNanos(), within(counted.taskClockNanos() * 0.05 + 2e6));
        // The grandchild's time arrives through inherit: the count matches what getrusage saw of the whole tree.
        assertThat((double) counted.taskClockNanos() / 1000).isCloseTo(used.cpuMicros(), within(used.cpuMicros() * 0.3 + 5_000));
    }

    @Test
    void aProcessThatDoesNotExistIsEsrch() {
        assertThatThrownBy(() -> PerfCounters.open(4_194_305, CpuSet.of(0))).isInstanceOf(NativeException.class)
                .hasMessage("perf_event_open for pid 4194305 on cpu -1 (software event 1): No such process (ESRCH)");
    }

    @Test
    void aFailedOpenClosesWhatItOpened() throws Exception {
        long fdsBefore = openDescriptors();
        assertThatThrownBy(() -> PerfCounters.open(ProcessHandle.current().pid(), CpuSet.of(0, 4000)))
                .isInstanceOf(NativeException.class).hasMessageContaining("on cpu 4000");
        assertThat(openDescriptors()).isEqualTo(fdsBefore);
    }

    @Test
    void readingAfterCloseIsRefused() throws Exception {
        PerfCounters counters = PerfCounters.open(ProcessHandle.current().pid(), CpuSet.of(0));
        assertThat(counters.read().taskClockNanos()).isNotNegative();
        counters.close();
        counters.close();
        assertThatThrownBy(counters::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    // Format of /proc/PID/stat: "pid (comm) STATE ...".
    private static void awaitState(long pid, String state) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!HostThreads.statField(Files.readString(Path.of("/proc/" + pid + "/stat")), 3).equals(state)) {
            assertThat(System.nanoTime()).as("pid %d in state %s", pid, state).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
