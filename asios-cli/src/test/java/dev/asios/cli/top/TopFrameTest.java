package dev.asios.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class TopFrameTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MetricsSample sample(long timeMs, double cpu0User, double cpu0Idle, long runqFast, long runqSlow, double diskRead) throws Exception {
        String doc = """
                {"time": %d, "metrics": [
                 {"name": "asios_cpu_seconds_total", "kind": "counter", "series": [
                   {"labels": {"cpu": "0", "mode": "user"}, "value": %s},
                   {"labels": {"cpu": "0", "mode": "idle"}, "value": %s},
                   {"labels": {"cpu": "1", "mode": "user"}, "value": 1.0},
                   {"labels": {"cpu": "1", "mode": "idle"}, "value": %s}]},
                 {"name": "asios_cpu_isolated", "kind": "gauge", "series": [
                   {"labels": {"cpu": "0"}, "value": 0}, {"labels": {"cpu": "1"}, "value": 1}]},
                 {"name": "asios_runqueue_latency_seconds", "kind": "histogram", "series": [
                   {"labels": {"cpu": "0"}, "count": 0, "sum": 0, "buckets": [
                     {"le": 1.0E-6, "count": %d}, {"le": 6.4E-5, "count": %d}, {"le": "+Inf", "count": 0}]}]},
                 {"name": "asios_memory_total_bytes", "kind": "gauge", "series": [{"labels": {}, "value": 17179869184}]},
                 {"name": "asios_memory_available_bytes", "kind": "gauge", "series": [{"labels": {}, "value": 8589934592}]},
                 {"name": "asios_disk_read_bytes_total", "kind": "counter", "series": [{"labels": {"device": "nvme0n1"}, "value": %s}]},
                 {"name": "asios_disk_written_bytes_total", "kind": "counter", "series": [{"labels": {"device": "nvme0n1"}, "value": 0}]}
                ]}
                """.formatted(timeMs, cpu0User, cpu0Idle, cpu0Idle, runqFast, runqSlow, diskRead);
        return MetricsSample.of(JSON.readTree(doc));
    }

    @Test
    void ratesComeFromTheChangeBetweenTwoSamples() throws Exception {
        MetricsSample before = sample(10_000, 10, 10, 100, 0, 0);
        MetricsSample now = sample(12_000, 11.5, 10.5, 1090, 20, 4 * 1024 * 1024);

        String frame = TopFrame.render("asios top", before, now);

        assertThat(frame).contains("0     [###############     ]   75%   75%");
        assertThat(frame).contains("1*    [                    ]    0%");
        assertThat(frame).contains("* isolated");
        assertThat(frame).contains("64 us");
        assertThat(frame).contains("Memory  8 GiB used of 16 GiB");
        assertThat(frame).containsPattern("nvme0n1\\s+2 MiB\\s+0 B");
        assertThat(frame).contains("agent: 0.00% of one CPU");
    }

    @Test
    void withoutAnAgentTopSaysHowToStartOne() {
        CliRun run = CliRun.of("top", "--once", "--url", "http://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("no agent answers at http://127.0.0.1:1/").contains("start one with 'asios up'");
        CliRun bad = CliRun.of("top", "--url", "ftp://x");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--url 'ftp://x'");
    }
}
