package dev.asios.bench.memory;

import static dev.asios.bench.memory.StreamOutputParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference tools' exact command lines, and what each reports. */
class ReferenceCommandTest {

    @Test
    void stressNgRunsOneInstancePerCpuWithArraysAsLargeAsTheProbes() {
        StressNgReference reference = new StressNgReference(Path.of("/usr/bin/stress-ng"), CpuSet.parseList("0-1,4"), 1040L << 20);
        assertThat(reference.command()).containsExactly("/usr/bin/stress-ng", "--stream", "3", "--taskset", "0-1,4", "--stream-l3-size",
                Long.toString(260L << 20), "--metrics", "--timeout", "20s");
        assertThat(reference.tool()).isEqualTo("stress-ng");
        assertThat(reference.method()).contains("3 processes confined to CPUs 0-1,4", "the four kernels mixed, not triad alone");
        assertThat(reference.parse(resource("stress-ng-stream-2.txt")).keySet()).containsExactly(StreamKernel.TRIAD);
    }

    @Test
    void aStreamBinaryGetsOneBoundOpenMpThreadPerCpu() {
        StreamBinaryReference reference = new StreamBinaryReference(Path.of("/usr/bin/env"), Path.of("/opt/stream"), CpuSet.of(0, 2));
        assertThat(reference.command()).isEqualTo(List.of("/usr/bin/env", "OMP_NUM_THREADS=2", "OMP_PROC_BIND=true", "OMP_PLACES={0},{2}",
                "/opt/stream"));
        assertThat(reference.tool()).isEqualTo("stream");
        assertThat(reference.parse(resource("stream-2-threads.txt"))).isEqualTo(Map.of(StreamKernel.COPY, 40457.0, StreamKernel.SCALE, 21741.9,
                StreamKernel.ADD, 25073.8, StreamKernel.TRIAD, 24484.2));
    }
}
