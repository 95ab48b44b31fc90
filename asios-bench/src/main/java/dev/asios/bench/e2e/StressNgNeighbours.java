package dev.asios.bench.e2e;

import dev.asios.bench.BenchException;
import dev.asios.bench.child.ChildProcess;
import dev.asios.host.parse.CpuSet;
import dev.asios.run.command.CommandFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Noisy neighbours of the inference server: stress-ng confined to the CPUs the workers leave free
 * ({@code --taskset}), one matrix-product CPU hog for each of them ({@code --cpu N --cpu-method
 * matrixprod}) and one memory hog that keeps writing a tenth of the RAM ({@code --vm 1 --vm-bytes
 * 10%}): they take the caches, the memory bandwidth and the scheduler's attention that an
 * untuned server shares with its neighbours. stress-ng's own {@code --timeout} ends it if the
 * benchmark cannot. Immutable.
 *
 * @param stressNg the stress-ng program
 * @param cpus the CPUs it runs on; not empty
 */
record StressNgNeighbours(Path stressNg, CpuSet cpus) {

    /** The command, ending by itself after {@code timeout} (whole seconds, rounded up). */
    List<String> command(Duration timeout) {
        long seconds = (timeout.toMillis() + 999) / 1000;
        return List.of(stressNg.toString(), "--cpu", Integer.toString(cpus.size()), "--cpu-method", "matrixprod", "--vm", "1", "--vm-bytes", "10%",
                "--taskset", cpus.toList(), "--timeout", seconds + "s");
    }

    /**
     * Starts the neighbours; {@link ChildProcess#close} stops them and their stressors.
     *
     * @throws BenchException if stress-ng cannot start
     */
    ChildProcess start(Duration timeout) throws BenchException {
        try {
            return ChildProcess.start(command(timeout));
        } catch (CommandFailure e) {
            throw new BenchException("the noisy neighbours could not start: " + e.getMessage() + " (or run with --neighbours none)", e);
        }
    }

    /** The neighbours in words, for a measurement's method. */
    String describe(Duration timeout) {
        return "noisy neighbours on CPUs " + cpus.toList() + " for each whole round (" + String.join(" ", command(timeout))
                + "), stopped after it";
    }
}
