package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes of a host, decided on recorded trees, with a fake bpftrace that prints recorded output. */
class EbpfProbesTest {

    private static final String ROOT_STATUS = "Name:\tjava\nUid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\nCapAmb:\t0000000000000000\n";
    private static final Backoff.Settings FAST = new Backoff.Settings(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30));

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();

    private Path fakeBpftrace(String version) throws IOException {
        Path output = folder.resolve("kernel.jsonl");
        Files.writeString(output, Recorded.text("kernel-0.17.jsonl"));
        Path fake = folder.resolve("bpftrace");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo '" + version + "'; exit 0; fi\ncat " + output
                + "\nwhile true; do sleep 0.05; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private SysfsTree host(String status) {
        SysfsTree tree = new SysfsTree(folder.resolve("root")).file("/proc/self/status", status).file("/proc/sys/kernel/perf_event_paranoid", "2\n")
                .folder("/sys/bus/event_source/devices/uprobe");
        for (String event : List.of("sched_wakeup", "sched_wakeup_new", "sched_switch", "sched_migrate_task")) {
            tree.folder("/sys/kernel/tracing/events/sched/" + event);
        }
        return tree;
    }

    private EbpfProbes probes(SysfsTree tree, Path bpftrace, boolean cuda, List<String> libraryFolders) {
        return EbpfProbes.forHost(tree.sysroot(), registry, TrackedRuns.NONE, new EbpfProbes.Options(Optional.of(bpftrace), 20, cuda, libraryFolders, FAST));
    }

    @Test
    void runsWhatTheHostHasAndSaysWhatItLacks() throws Exception {
        SysfsTree tree = host(ROOT_STATUS).file("/opt/venv/nccl/lib/libnccl.so.2", "ELF");
        try (EbpfProbes probes = probes(tree, fakeBpftrace("bpftrace v0.17.0"), true, List.of("/opt/venv/nccl/lib"))) {
            probes.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (probes.status().stream().anyMatch(s -> s.state() != ProbeState.RUNNING) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ProbeStatus> status = probes.status();

            assertThat(status).extracting(ProbeStatus::name).containsExactly("kernel", "cuda");
            assertThat(status).allMatch(s -> s.state() == ProbeState.RUNNING);
            ProbeStatus kernel = status.getFirst();
            assertThat(kernel.parts()).containsExactly("runqueue", "page_faults", "cpu_migrations");
            assertThat(kernel.unavailableParts()).containsOnlyKeys("block_io");
            assertThat(kernel.unavailableParts().get("block_io")).isEqualTo("this kernel has no tracepoint block:block_rq_issue");
            assertThat(status.get(1).parts()).containsExactly("cuda");
            assertThat(registry.family("asios_runqueue_latency_seconds").orElseThrow().allHistograms()).hasSize(2);
        }
    }

    @Test
    void aHostWithoutBpftraceOrRootRunsNothingAndSaysWhy() throws Exception {
        assertThat(probes(host(ROOT_STATUS), folder.resolve("missing"), true, List.of()).status())
                .allMatch(s -> s.state() == ProbeState.UNAVAILABLE && s.reason().contains("is not an executable file"));
        String user = ROOT_STATUS.replace("Uid:\t0\t0\t0\t0", "Uid:\t1000\t1000\t1000\t1000");
        EbpfProbes notRoot = probes(host(user), fakeBpftrace("bpftrace v0.17.0"), false, List.of());
        assertThat(notRoot.status()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ProbeState.UNAVAILABLE);
            assertThat(s.reason()).startsWith("eBPF probes need root");
        });
        assertThat(registry.family("asios_ebpf_probe_up").orElseThrow().series("kernel").value()).isZero();
    }

    @Test
    void anUnreadableVersionOrNoLibrariesAreSaidToo() throws Exception {
        assertThat(probes(host(ROOT_STATUS), fakeBpftrace("something else"), false, List.of()).status())
                .singleElement().satisfies(s -> assertThat(s.reason()).contains("printed no version"));
        SysfsTree tracefsMissing = new SysfsTree(folder.resolve("bare")).file("/proc/self/status", ROOT_STATUS);
        EbpfProbes probes = probes(tracefsMissing, fakeBpftrace("bpftrace v0.20.2"), true, List.of());
        List<ProbeStatus> status = probes.status();
        assertThat(status.getFirst().state()).isEqualTo(ProbeState.UNAVAILABLE);
        assertThat(status.getFirst().reason()).contains("tracefs is not mounted").contains("CONFIG_PERF_EVENTS");
        assertThat(status.get(1).reason()).startsWith("no CUDA or NCCL library");
        probes.close();
    }
}
