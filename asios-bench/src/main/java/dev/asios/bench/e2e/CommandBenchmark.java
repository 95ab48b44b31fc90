package dev.asios.bench.e2e;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.place.BenchCage;
import dev.asios.bench.place.PinnedThread;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.command.CommandResolver;
import dev.asios.run.launch.CgroupJoinScript;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The e2e target on a user's own workload ({@code asios bench e2e -- COMMAND ARGS}): each round
 * runs the command to its end and measures its wall-clock time in seconds, lower is better, from
 * just before the process starts to its exit. The command is found as a shell would ({@code PATH},
 * or a path). With {@code --cpus} it runs on those CPUs: inside the isolated cpuset when an
 * active profile isolates them, else pinned (it and its children inherit the affinity); without,
 * where the kernel puts it. Its standard output goes to {@code workloadOutput} (standard error,
 * so that it never mixes with {@code --json}); its standard input and error are this process's.
 * No noisy neighbours run beside it. Options used: rounds, cpus. Immutable and thread-safe.
 */
public final class CommandBenchmark implements Benchmark {

    /** The headline metric. */
    public static final String METRIC = "workload wall-clock time";

    private final Sysroot sysroot;
    private final String path;
    private final List<String> command;
    private final PrintStream workloadOutput;

    /** Times {@code command} (a program and its arguments) on this host, found in the {@code PATH} of the environment, its output sent to standard error. */
    public CommandBenchmark(List<String> command) {
        this(Sysroot.host(), Objects.requireNonNullElse(System.getenv("PATH"), ""), command, System.err);
    }

    /**
     * Times {@code command}, found in {@code path} (a {@code PATH} value), its standard output sent to {@code workloadOutput}.
     *
     * @throws IllegalArgumentException if {@code command} is empty
     */
    public CommandBenchmark(Sysroot sysroot, String path, List<String> command, PrintStream workloadOutput) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a workload command needs at least a program");
        }
        this.sysroot = sysroot;
        this.path = path;
        this.command = List.copyOf(command);
        this.workloadOutput = workloadOutput;
    }

    @Override
    public Target target() {
        return Target.E2E;
    }

    /**
     * Times the command, round by round.
     *
     * @throws BenchException naming {@code --rounds} (below 1), a command that is not found, or a
     *     round whose command could not start or exited with a status other than 0
     */
    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        options.checkRounds();
        Path program = CommandResolver.resolve(command.getFirst(), path).orElseThrow(() -> new BenchException("-- COMMAND: '" + command.getFirst()
                + "' is not an executable file" + (command.getFirst().contains("/") ? "" : " in PATH") + "; give a program in PATH or its path"));
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(command.subList(1, command.size()));
        CpuSet cpus = options.cpus();
        List<Double> seconds = new ArrayList<>();
        try (BenchCage cage = cpus.isEmpty() ? null : BenchCage.forCpus(sysroot, cpus).orElse(null)) {
            for (int round = 1; round <= options.rounds(); round++) {
                progress.step("e2e workload rounds", round - 1, options.rounds());
                seconds.add(timeOnce(cage == null ? argv : cage.wrap(argv), cage == null ? cpus : CpuSet.empty(), round, options.rounds()));
            }
            progress.step("e2e workload rounds", options.rounds(), options.rounds());
            String where = cage != null ? cage.describe() : cpus.isEmpty() ? "where the kernel puts it (no --cpus)"
                    : "pinned to CPUs " + cpus.toList() + " (its children inherit the affinity)";
            Measurement measured = new Measurement("asios", METRIC, "s", Direction.LOWER_IS_BETTER, seconds, method(argv, where),
                    repeat(options));
            return new TargetResult(Target.E2E, measured, Optional.empty(), Optional.of(E2eRounds.NO_REFERENCE), List.of());
        }
    }

    /** Runs {@code argv} once, pinned to {@code pinTo} unless it is empty, and returns its wall-clock time in seconds. */
    private double timeOnce(List<String> argv, CpuSet pinTo, int round, int rounds) throws BenchException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        String shown = String.join(" ", command);
        try {
            long startNs = System.nanoTime();
            Process process = pinTo.isEmpty() ? builder.start() : PinnedThread.run("asios-e2e-start", pinTo, OptionalInt.empty(), builder::start);
            Thread copier = Thread.ofVirtual().start(() -> copy(process, workloadOutput));
            int status = process.waitFor();
            long endNs = System.nanoTime();
            copier.join();
            if (status != 0) {
                String why = status == CgroupJoinScript.JOIN_FAILED ? " (or the kernel refused it in the isolated cpuset: see its message above)" : "";
                throw new BenchException("-- COMMAND: '" + shown + "' exited " + status + " in round " + round + " of " + rounds + why
                        + "; the workload must exit 0 to be timed");
            }
            return (endNs - startNs) / 1e9;
        } catch (IOException e) {
            throw new BenchException("-- COMMAND: '" + shown + "' could not start in round " + round + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("-- COMMAND: '" + shown + "' was interrupted in round " + round, e);
        }
    }

    private static void copy(Process process, OutputStream to) {
        try {
            process.getInputStream().transferTo(to);
            to.flush();
        } catch (IOException e) {
            // the workload closed its output early, or ours is gone: its exit status still decides the round
        }
    }

    private static String method(List<String> argv, String where) {
        return "the command " + String.join(" ", argv) + " run to its end once a round, " + where + "; its wall-clock time from just before"
                + " the process starts to its exit, in seconds, process start included; its standard output sent to standard error; no noisy"
                + " neighbours";
    }

    private List<String> repeat(BenchOptions options) {
        List<String> repeat = new ArrayList<>(List.of("asios", "bench", Target.E2E.cliName(), "--rounds=" + options.rounds()));
        if (!options.cpus().isEmpty()) {
            repeat.add("--cpus=" + options.cpus().toList());
        }
        repeat.add("--");
        repeat.addAll(command);
        return List.copyOf(repeat);
    }
}
