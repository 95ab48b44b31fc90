package dev.asios.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.ebpf.ProbeStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent on this host for a few seconds with eBPF on: real numbers on {@code /metrics},
 * which promtool accepts, live run-queue latency histograms, and nothing left behind after
 * close (no bpftrace process, tracefs as it was).
 */
@Tag("host")
@Tag("slow")
class AgentHostTest {

    @TempDir
    Path state;

    @Test
    void servesRealMetricsWithLiveEbpfHistogramsAndLeavesNothingBehind() throws Exception {
        Sysroot host = Sysroot.host();
        boolean tracefsBefore = host.isDirectory("/sys/kernel/tracing/events");
        HttpClient client = HttpClient.newHttpClient();
        String metrics;
        List<ProbeStatus> probes;
        try (Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, state.resolve("tune"), host, true), "test")) {
            URI base = URI.create("http://127.0.0.1:" + agent.address().getPort());
            Files.writeString(state.resolve("io"), "x".repeat(1 << 20));
            Thread.sleep(6000);
            metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            probes = agent.probes();
            String health = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"roundsWritten\"");
        }
        assertThat(metrics).contains("asios_cpu_seconds_total{cpu=\"0\",mode=\"user\"}", "asios_memory_available_bytes ", "asios_agent_cpu_seconds_total",
                "asios_store_size_bytes", "asios_collector_duration_seconds{collector=\"cpu\"}");
        promtool(metrics);
        ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("bpftrace"))
                .filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L) == ProcessHandle.current().pid())
                .forEach(p -> assertThat(p.isAlive()).as("bpftrace " + p.pid() + " left running").isFalse());
        assertThat(host.isDirectory("/sys/kernel/tracing/events")).as("tracefs as it was").isEqualTo(tracefsBefore);

        assumeThat(probes).as("eBPF needs bpftrace and root here").anyMatch(p -> p.name().equals("kernel") && p.reason().isEmpty());
        assertThat(metrics).containsPattern("asios_runqueue_latency_seconds_count\\{cpu=\"0\"\\} [1-9]");
    }

    private static void promtool(String metrics) throws Exception {
        assumeThat(Path.of("/usr/bin/promtool")).as("promtool (Debian package prometheus) checks the exposition").exists();
        Process check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("promtool check metrics: " + output).isZero();
    }
}
