package dev.asios.bench.memory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A standard tool that measures memory bandwidth beside the probe: the command that runs it on the
 * probe's CPUs and sizes, and the parser of what it prints. Implementations are immutable.
 */
sealed interface MemoryReference permits LikwidReference, StreamBinaryReference, StressNgReference {

    /** The tool's name, as in {@link dev.asios.bench.Measurement#tool()}. */
    String tool();

    /** The exact command line, the program first. */
    List<String> command();

    /** How long the command may run before it is killed. */
    Duration timeout();

    /** How the tool measures, in a sentence or two. */
    String method();

    /**
     * The kernels' bandwidths in MB/s (10^6 bytes a second) from the tool's output; always
     * {@link StreamKernel#TRIAD}, the others when the tool reports them.
     *
     * @throws dev.asios.host.parse.ParseException if the output has no rate
     */
    Map<StreamKernel, Double> parse(String output);
}
