package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against fake {@code bpftrace} executables: shell scripts that print recorded
 * output, die, or print errors, with a backoff of milliseconds.
 */
class ProbeSupervisorTest {

    private static final Backoff.Settings FAST = new Backoff.Settings(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30));
    private static final ScriptDialect DEBIAN_12 = new ScriptDialect(new BpftraceVersion(0, 17, 0));

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();
    private ProbeSupervisor supervisor;

    @AfterEach
    void closeTheProbe() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private Path fakeBpftrace(String body) throws IOException {
        Path fake = folder.resolve("bpftrace-" + System.nanoTime());
        Files.writeString(fake, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private Path recorded(String name) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, Recorded.text(name));
        return file;
    }

    private ProbeSupervisor start(Path bpftrace, Backoff.Settings backoff) {
        return start(bpftrace, backoff, RestartPermit.ALWAYS);
    }

    private ProbeSupervisor start(Path bpftrace, Backoff.Settings backoff, RestartPermit permit) {
        SysfsTree tree = new SysfsTree(folder.resolve("root")).file("/sys/block/vda/dev", "254:0\n").folder("/proc/30674");
        supervisor = new ProbeSupervisor("kernel", KernelParts.all(tree.sysroot(), registry, TrackedRuns.NONE, 20), Map.of("cuda", "none here"), bpftrace,
                DEBIAN_12, backoff, permit, registry);
        supervisor.start();
        return supervisor;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private double metric(String family, String... labels) {
        return registry.family(family).orElseThrow().series(labels).value();
    }

    @Test
    void runsTheRecordedOutputIntoTheRegistryAndStopsEverything() throws Exception {
        Path output = recorded("kernel-0.17.jsonl");
        ProbeSupervisor probe = start(fakeBpftrace("cat " + output + "\nwhile true; do sleep 0.05; done\n"), FAST);

        await("the histograms", () -> registry.family("asios_block_io_latency_seconds").orElseThrow().allHistograms().size() == 1);
        ProbeStatus status = probe.status();
        assertThat(status.state()).isEqualTo(ProbeState.RUNNING);
        assertThat(status.reason()).isEmpty();
        assertThat(status.parts()).containsExactly("runqueue", "block_io", "page_faults", "cpu_migrations");
        assertThat(status.unavailableParts()).containsEntry("cuda", "none here");
        assertThat(metric("asios_ebpf_probe_up", "kernel")).isEqualTo(1);
        assertThat(probe.script()).contains("args->next_pid");
        ProcessHandle bpftrace = ProcessHandle.of(status.pid().orElseThrow()).orElseThrow();
        List<ProcessHandle> children = bpftrace.descendants().toList();

        probe.close();

        assertThat(bpftrace.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(probe.status().state()).isEqualTo(ProbeState.STOPPED);
        assertThat(probe.status().state().label()).isEqualTo("stopped");
        assertThat(ProbeState.BACKING_OFF.label()).isEqualTo("backing-off");
        assertThat(probe.status().pid()).isEmpty();
        assertThat(metric("asios_ebpf_probe_up", "kernel")).isZero();
    }

    @Test
    void restartsADyingBpftraceWithDoublingWaitsAndSaysWhy() throws Exception {
        Path errors = recorded("stderr-tracepoint-missing.txt");
        ProbeSupervisor probe = start(fakeBpftrace("cat " + errors + " >&2\nexit 1\n"), FAST);

        await("three restarts", () -> probe.status().restarts() >= 3);
        await("the longest wait", () -> probe.status().reason().endsWith("restarting in 80 ms"));
        ProbeStatus status = probe.status();
        assertThat(status.reason()).startsWith("bpftrace exited with status 1: stdin:1:1-30: ERROR: tracepoint not found: sched:sched_nosuch");
        assertThat(metric("asios_ebpf_probe_restarts", "kernel")).isGreaterThanOrEqualTo(3);
        assertThat(metric("asios_ebpf_probe_up", "kernel")).isZero();
    }

    @Test
    void asksThePermitBeforeEachRestartWithWhyItStoppedAndTheBackoff() throws Exception {
        List<Stop> asked = new CopyOnWriteArrayList<>();
        ProbeSupervisor probe = start(fakeBpftrace("echo 'ERROR: attaching failed' >&2\nexit 1\n"), FAST, stop -> {
            asked.add(stop);
            return RestartPermit.Answer.ALLOWED;
        });

        await("two restarts", () -> probe.status().restarts() >= 2);
        assertThat(asked.get(0).subject()).isEqualTo("probe/kernel");
        assertThat(asked.get(0).why()).isEqualTo("bpftrace exited with status 1: ERROR: attaching failed");
        assertThat(asked.get(0).backoff()).isEqualTo(Duration.ofMillis(20));
        assertThat(asked.get(1).backoff()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void aRefusedRestartKeepsTheProbeStoppedUntilTheRetryTimeAndAsksAgain() throws Exception {
        AtomicLong retryAtMs = new AtomicLong();
        AtomicInteger asked = new AtomicInteger();
        ProbeSupervisor probe = start(fakeBpftrace("exit 2\n"), FAST, stop -> {
            if (asked.incrementAndGet() == 1) {
                retryAtMs.set(System.currentTimeMillis() + 600);
                return RestartPermit.Answer.refusedUntil(retryAtMs.get(), "rate limited to 6 per 1h per subject");
            }
            return RestartPermit.Answer.ALLOWED;
        });

        await("the refusal", () -> probe.status().reason().contains("restart refused until"));
        assertThat(probe.status().state()).isEqualTo(ProbeState.BACKING_OFF);
        assertThat(probe.status().reason()).isEqualTo("bpftrace exited with status 2; restart refused until " + Instant.ofEpochMilli(retryAtMs.get())
                + ": rate limited to 6 per 1h per subject");
        Thread.sleep(300);
        assertThat(probe.status().restarts()).isZero();
        assertThat(asked.get()).isEqualTo(1);

        await("the restart after the retry time", () -> probe.status().restarts() >= 1);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(retryAtMs.get());
        assertThat(asked.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void closingWhileARestartIsRefusedStopsAtOnce() throws Exception {
        ProbeSupervisor probe = start(fakeBpftrace("exit 2\n"), FAST,
                stop -> RestartPermit.Answer.refusedUntil(System.currentTimeMillis() + 3_600_000, "rate limited"));
        await("the refusal", () -> probe.status().reason().contains("restart refused until"));

        long start = System.nanoTime();
        probe.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(probe.status().state()).isEqualTo(ProbeState.STOPPED);
        assertThat(probe.status().restarts()).isZero();
    }

    @Test
    void aPermitThatThrowsAllowsTheRestart() throws Exception {
        ProbeSupervisor probe = start(fakeBpftrace("exit 2\n"), FAST, stop -> {
            throw new IllegalStateException("audit log full");
        });

        await("a restart", () -> probe.status().restarts() >= 1);
    }

    @Test
    void aRunLongEnoughToBeHealthyStartsTheWaitsOver() throws Exception {
        Backoff.Settings healthyQuickly = new Backoff.Settings(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofMillis(100));
        ProbeSupervisor probe = start(fakeBpftrace("echo '{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}'\nsleep 0.2\nexit 3\n"), healthyQuickly);

        await("two restarts", () -> probe.status().restarts() >= 2);
        await("a wait", () -> probe.status().state() == ProbeState.BACKING_OFF);
        assertThat(probe.status().reason()).isEqualTo("bpftrace exited with status 3; restarting in 20 ms");
    }

    @Test
    void keepsHistogramsCumulativeAcrossRestarts() throws Exception {
        String line = "{\"type\": \"hist\", \"data\": {\"@runq_us\": {\"0\": [{\"min\": 2, \"max\": 3, \"count\": 5}]}}}";
        ProbeSupervisor probe = start(fakeBpftrace("echo '" + line + "'\nexit 1\n"), FAST);

        await("two restarts", () -> probe.status().restarts() >= 2);
        await("the third run's histogram", () -> registry.family("asios_runqueue_latency_seconds").orElseThrow().histogram("0").snapshot()
                .map(h -> h.counts()[2] >= 15).orElse(false));
    }

    @Test
    void countsLostEventsAndReportsErrorsWhileRunning() throws Exception {
        Path output = recorded("shapes-0.17.jsonl");
        String body = "echo 'ERROR: Unknown error -1: couldn'\"'\"'t set RLIMIT_MEMLOCK for bpftrace.' >&2\n"
                + "echo '{\"type\": \"attached_probes\", \"data\": {\"probes\": 2}}'\n"
                + "echo '{\"type\": \"lost_events\", \"data\": {\"events\": 5}}'\n"
                + "grep lost_events " + output + "\n"
                + "echo '{\"type\": \"helper_error\", \"helper\": \"map_update_elem\", \"retcode\": -7, \"line\": 3, \"col\": 5}'\n"
                + "while true; do sleep 0.05; done\n";
        ProbeSupervisor probe = start(fakeBpftrace(body), FAST);

        await("the helper error", () -> !probe.status().reason().isEmpty());
        ProbeStatus status = probe.status();
        assertThat(status.state()).isEqualTo(ProbeState.RUNNING);
        assertThat(status.lostEvents()).isEqualTo(5 + 36);
        assertThat(status.reason()).isEqualTo("bpftrace helper_error: helper map_update_elem returned -7 (script line 3)");
        assertThat(metric("asios_ebpf_lost_events", "kernel")).isEqualTo(41);
    }

    @Test
    void reportsABpftraceThatCannotStart() throws Exception {
        ProbeSupervisor probe = start(folder.resolve("no-such-bpftrace"), FAST);

        await("a wait", () -> probe.status().state() == ProbeState.BACKING_OFF);
        assertThat(probe.status().reason()).startsWith("cannot start " + folder.resolve("no-such-bpftrace"));
    }

    @Test
    @Tag("slow")
    void killsABpftraceThatIgnoresTheRequestToStop() throws Exception {
        ProbeSupervisor probe = start(fakeBpftrace("trap '' TERM\necho '{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}'\n"
                + "while true; do sleep 0.05; done\n"), FAST);
        await("running", () -> probe.status().state() == ProbeState.RUNNING);
        ProcessHandle bpftrace = ProcessHandle.of(probe.status().pid().orElseThrow()).orElseThrow();

        probe.close();

        assertThat(bpftrace.isAlive()).isFalse();
    }
}
