package dev.asios.bench.memory;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code likwid-bench} running its STREAM triad test ({@code stream}, or its AVX or SSE build)
 * with one thread per CPU over the whole machine's node domain {@code N}, whose three arrays
 * together are as large as the probe's. It counts STREAM's bytes (two loads and one store per
 * element), so its triad compares directly with the probe's. likwid pins its own threads inside a
 * domain and cannot take a CPU list, so it stands in only when the probe uses every online CPU.
 * Immutable.
 *
 * @param likwidBench the likwid-bench program
 * @param test the test run, one of {@link #TESTS}
 * @param cpus the CPUs, one thread each (all online CPUs)
 * @param arrayBytes the probe's size of each array, in bytes
 */
record LikwidReference(Path likwidBench, String test, CpuSet cpus, long arrayBytes) implements MemoryReference {

    /** The STREAM triad tests of likwid-bench, the preferred first. */
    static final List<String> TESTS = List.of("stream_avx", "stream_sse", "stream");

    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    /** The best triad test among those that {@code likwid-bench -a} listed; empty when it has none. */
    static Optional<String> bestTest(List<String> listed) {
        return TESTS.stream().filter(listed::contains).findFirst();
    }

    @Override
    public String tool() {
        return "likwid-bench";
    }

    @Override
    public List<String> command() {
        return List.of(likwidBench.toString(), "-t", test, "-w", "N:" + 3 * arrayBytes / 1000 + "kB:" + cpus.size());
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public String method() {
        return "likwid-bench -t " + test + ": STREAM triad (a = b + s * c) with " + cpus.size() + " threads pinned by likwid over the node"
                + " domain (CPUs " + cpus.toList() + "), three arrays of " + arrayBytes + " bytes together; its MByte/s (10^6 bytes a second,"
                + " STREAM's count of bytes)";
    }

    @Override
    public Map<StreamKernel, Double> parse(String output) {
        return Map.of(StreamKernel.TRIAD, LikwidBenchParser.parseRate(output));
    }
}
