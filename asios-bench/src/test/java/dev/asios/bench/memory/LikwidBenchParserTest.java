package dev.asios.bench.memory;

import static dev.asios.bench.memory.StreamOutputParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** likwid-bench's output, recorded on this machine (likwid 5.2.2), and the command it is run with. */
class LikwidBenchParserTest {

    @Test
    void theRateOfARunIsItsMByteLine() {
        assertThat(LikwidBenchParser.parseRate(resource("likwid-bench-stream-avx-2.txt"))).isEqualTo(9389.86);
    }

    @Test
    void theTestListHasTheTriadTests() {
        List<String> tests = LikwidBenchParser.parseTests(resource("likwid-bench-a.txt"));

        assertThat(tests).contains("copy", "copy_avx", "stream", "stream_avx", "stream_sse");
        assertThat(LikwidReference.bestTest(tests)).contains("stream_avx");
        assertThat(LikwidReference.bestTest(List.of("copy", "stream"))).contains("stream");
        assertThat(LikwidReference.bestTest(List.of("copy"))).isEmpty();
    }

    @Test
    void outputWithoutOneRateIsRefused() {
        assertThatThrownBy(() -> LikwidBenchParser.parseRate("Cycles: 1\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("no 'MByte/s:' line");
        assertThatThrownBy(() -> LikwidBenchParser.parseRate("MByte/s:\t\t1.0\nMByte/s:\t\t2.0\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> LikwidBenchParser.parseRate("MByte/s:\t\t0.00\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void theCommandSpreadsTheProbesThreeArraysOverTheNodeDomain() {
        LikwidReference likwid = new LikwidReference(Path.of("/usr/bin/likwid-bench"), "stream_avx", CpuSet.of(0, 1), 1_000_000_000L);

        assertThat(likwid.command()).containsExactly("/usr/bin/likwid-bench", "-t", "stream_avx", "-w", "N:3000000kB:2");
        assertThat(likwid.method()).contains("2 threads", "three arrays of 1000000000 bytes");
    }
}
