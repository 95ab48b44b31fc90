package dev.asios.bench.memory;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * stress-ng's {@code stream} stressor: one process for each CPU, all confined to the CPUs with
 * {@code --taskset}, whose arrays together are as large as the probe's. stress-ng makes each
 * instance's arrays four times its {@code --stream-l3-size} divided by the instances, so that is
 * set to a quarter of the probe's array size. It reports only the four kernels mixed, which stands
 * in for triad. Immutable.
 *
 * @param stressNg the stress-ng program
 * @param cpus the CPUs, one instance each
 * @param arrayBytes the probe's size of each array, in bytes
 */
record StressNgReference(Path stressNg, CpuSet cpus, long arrayBytes) implements MemoryReference {

    /** How long stress-ng runs: it reports no rate below 4.5 s spent in the kernels. */
    static final int RUN_SECONDS = 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(RUN_SECONDS + 100);

    @Override
    public String tool() {
        return "stress-ng";
    }

    @Override
    public List<String> command() {
        return List.of(stressNg.toString(), "--stream", Integer.toString(cpus.size()), "--taskset", cpus.toList(), "--stream-l3-size",
                Long.toString(arrayBytes / 4), "--metrics", "--timeout", RUN_SECONDS + "s");
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public String method() {
        return "stress-ng --stream: " + cpus.size() + " processes confined to CPUs " + cpus.toList() + ", each with three arrays of "
                + arrayBytes / cpus.size() + " bytes, looping copy, scale, add and triad for " + RUN_SECONDS + " s; the bytes read and written"
                + " (STREAM's count) over the time in the kernels, summed over the processes and converted from MiB/s to MB/s; the four"
                + " kernels mixed, not triad alone, with no barrier between the processes";
    }

    @Override
    public Map<StreamKernel, Double> parse(String output) {
        return Map.of(StreamKernel.TRIAD, StressNgStreamParser.parse(output).megabytesPerSecond());
    }
}
