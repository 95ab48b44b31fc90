package dev.asios.bench.memory;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.MeminfoParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The memory bandwidth target: {@link StreamProbe} against a STREAM binary the user gives
 * ({@link BenchOptions#referenceBinary()}), else likwid-bench's triad when the probe uses every
 * online CPU, else stress-ng's stream stressor, round by round,
 * alternating, on the same CPUs with the same array size ({@link MemoryPlan}). The headline is
 * triad bandwidth in MB/s (10^6 bytes a second, as STREAM); the extras are the probe's copy, scale
 * and add, and the reference's where it reports them. Takes {@code rounds}, {@code cpus},
 * {@code sizeBytes} and {@code referenceBinary}. Stateless and thread-safe, though two runs at once
 * measure each other.
 */
public final class MemoryBenchmark implements Benchmark {

    /** STREAM's number of passes: ten, the first not counted. */
    public static final int DEFAULT_PASSES = 10;

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private final Sysroot sysroot;
    private final String path;
    private final int passes;

    /** The benchmark on this host, with tools from this process's {@code PATH} and {@link #DEFAULT_PASSES}. */
    public MemoryBenchmark() {
        this(Sysroot.host(), Optional.ofNullable(System.getenv("PATH")).orElse(""), DEFAULT_PASSES);
    }

    /**
     * The benchmark on the host under {@code sysroot}, with reference tools looked up in {@code path}.
     *
     * @param sysroot where the CPUs, caches and {@code MemAvailable} are read
     * @param path a {@code PATH} value for {@code stress-ng} and {@code env}; empty finds none
     * @param passes the probe's passes in each round, the first not counted; at least 2
     * @throws IllegalArgumentException if {@code passes} is below 2
     */
    public MemoryBenchmark(Sysroot sysroot, String path, int passes) {
        if (passes < 2) {
            throw new IllegalArgumentException("the memory benchmark needs at least 2 passes (the first is not counted), not " + passes);
        }
        this.sysroot = sysroot;
        this.path = path;
        this.passes = passes;
    }

    @Override
    public Target target() {
        return Target.MEMORY;
    }

    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        options.checkRounds();
        HostSnapshot host = new HostInspector(sysroot).inspect();
        MemoryPlan plan = MemoryPlan.of(options, host.cpu(), memAvailableBytes());
        ReferenceChoice choice = chooseReference(options, plan, host.cpu().onlineCpus());
        StreamProbe probe = new StreamProbe(plan.cpus(), plan.elementsPerArray(), passes);
        Map<StreamKernel, List<Double>> probeSamples = samplesByKernel();
        Map<StreamKernel, List<Double>> referenceSamples = samplesByKernel();
        Optional<String> missing = choice.missing();
        for (int round = 1; round <= options.rounds(); round++) {
            progress.step("memory: asios probe", round, options.rounds());
            StreamRates rates = probe.run();
            for (StreamKernel kernel : StreamKernel.values()) {
                probeSamples.get(kernel).add(rates.of(kernel));
            }
            if (missing.isEmpty() && choice.reference().isPresent()) {
                progress.step("memory: " + choice.reference().get().tool(), round, options.rounds());
                missing = measureReference(choice.reference().get(), round, referenceSamples);
            }
        }
        return result(options, plan, host, choice.reference().filter(r -> referenceSamples.get(StreamKernel.TRIAD).size() == options.rounds()),
                missing, probeSamples, referenceSamples);
    }

    /** Runs the reference once and adds its rates; the reason it has none from now on, if it failed. */
    private static Optional<String> measureReference(MemoryReference reference, int round, Map<StreamKernel, List<Double>> samples) {
        try {
            Map<StreamKernel, Double> rates = reference.parse(BoundedCommand.run(reference.command(), reference.timeout()));
            rates.forEach((kernel, rate) -> samples.get(kernel).add(rate));
            return Optional.empty();
        } catch (CommandFailure | ParseException e) {
            return Optional.of(reference.tool() + " failed in round " + round + ": " + e.getMessage());
        }
    }

    private ReferenceChoice chooseReference(BenchOptions options, MemoryPlan plan, CpuSet online) throws BenchException {
        if (options.referenceBinary().isPresent()) {
            Path binary = options.referenceBinary().get();
            Path program = CommandResolver.resolve(binary.toAbsolutePath().toString(), path)
                    .orElseThrow(() -> new BenchException("--stream-binary " + binary + ": not an executable file"));
            Optional<Path> env = CommandResolver.resolve("env", path);
            if (env.isEmpty()) {
                return ReferenceChoice.none("the STREAM binary needs env to set OMP_NUM_THREADS and OMP_PLACES, and PATH has no env");
            }
            return ReferenceChoice.of(new StreamBinaryReference(env.get(), program, plan.cpus()));
        }
        Optional<MemoryReference> likwid = likwid(plan, online);
        if (likwid.isPresent()) {
            return ReferenceChoice.of(likwid.get());
        }
        return CommandResolver.resolve("stress-ng", path)
                .map(stressNg -> ReferenceChoice.of(new StressNgReference(stressNg, plan.cpus(), plan.arrayBytes())))
                .orElseGet(() -> ReferenceChoice.none("no STREAM binary given (--stream-binary), and neither likwid-bench nor stress-ng in PATH"
                        + " (install the likwid or stress-ng package)"));
    }

    /** likwid-bench's triad, when it is installed, lists a triad test, and the probe uses every online CPU (likwid takes no CPU list). */
    private Optional<MemoryReference> likwid(MemoryPlan plan, CpuSet online) {
        Optional<Path> program = CommandResolver.resolve("likwid-bench", path);
        if (program.isEmpty() || !plan.cpus().equals(online)) {
            return Optional.empty();
        }
        try {
            return LikwidReference.bestTest(LikwidBenchParser.parseTests(BoundedCommand.run(List.of(program.get().toString(), "-a"), LIST_TIMEOUT)))
                    .map(test -> new LikwidReference(program.get(), test, plan.cpus(), plan.arrayBytes()));
        } catch (CommandFailure e) {
            return Optional.empty();
        }
    }

    private long memAvailableBytes() throws BenchException {
        String meminfo = sysroot.read("/proc/meminfo").orElseThrow(() -> new BenchException("cannot read /proc/meminfo for MemAvailable"));
        try {
            Long available = MeminfoParser.parse(meminfo).get("MemAvailable");
            if (available == null) {
                throw new BenchException("/proc/meminfo has no MemAvailable line (Linux 3.14 or later has one)");
            }
            return available;
        } catch (ParseException e) {
            throw new BenchException("/proc/meminfo: " + e.getMessage(), e);
        }
    }

    private TargetResult result(BenchOptions options, MemoryPlan plan, HostSnapshot host, Optional<MemoryReference> reference,
            Optional<String> missing, Map<StreamKernel, List<Double>> probeSamples, Map<StreamKernel, List<Double>> referenceSamples) {
        String probeMethod = probeMethod(plan, host);
        List<String> probeCommand = List.of("asios", "bench", "memory", "--rounds", Integer.toString(options.rounds()), "--cpus",
                plan.cpus().toList(), "--size", Long.toString(plan.arrayBytes()));
        Measurement probe = measurement("asios", StreamKernel.TRIAD, probeSamples, probeMethod, probeCommand);
        List<Measurement> extra = new ArrayList<>();
        for (StreamKernel kernel : List.of(StreamKernel.COPY, StreamKernel.SCALE, StreamKernel.ADD)) {
            extra.add(measurement("asios", kernel, probeSamples, probeMethod, probeCommand));
        }
        Optional<Measurement> referenceTriad = reference.map(r -> measurement(r.tool(), StreamKernel.TRIAD, referenceSamples, r.method(), r.command()));
        reference.ifPresent(r -> {
            for (StreamKernel kernel : List.of(StreamKernel.COPY, StreamKernel.SCALE, StreamKernel.ADD)) {
                if (!referenceSamples.get(kernel).isEmpty()) {
                    extra.add(measurement(r.tool(), kernel, referenceSamples, r.method(), r.command()));
                }
            }
        });
        return new TargetResult(Target.MEMORY, probe, referenceTriad, missing, extra);
    }

    private String probeMethod(MemoryPlan plan, HostSnapshot host) {
        String nodes = plan.cpus().stream().mapToObj(cpu -> host.numa().nodeOfCpu(cpu).map(node -> Integer.toString(node.osIndex())).orElse("?"))
                .distinct().reduce((a, b) -> a + "," + b).orElse("?");
        return "StreamProbe: " + plan.cpus().size() + " platform threads, one pinned to each of CPUs " + plan.cpus().toList() + " (NUMA nodes "
                + nodes + "), each first touching its slice of three arrays of " + plan.arrayBytes() + " bytes (2 MiB aligned, MADV_HUGEPAGE);"
                + " a barrier before each kernel, its time from the first thread's start to the last one's end; each kernel's best of "
                + (passes - 1) + " passes after a first one; copy through the JDK's memory copy, the others as element loops; 16 bytes an element"
                + " for copy and scale, 24 for add and triad";
    }

    private static Measurement measurement(String tool, StreamKernel kernel, Map<StreamKernel, List<Double>> samples, String method,
            List<String> command) {
        return new Measurement(tool, kernel.label().toLowerCase(Locale.ROOT) + " bandwidth", "MB/s", Direction.HIGHER_IS_BETTER,
                samples.get(kernel), method, command);
    }

    private static Map<StreamKernel, List<Double>> samplesByKernel() {
        Map<StreamKernel, List<Double>> samples = new EnumMap<>(StreamKernel.class);
        for (StreamKernel kernel : StreamKernel.values()) {
            samples.put(kernel, new ArrayList<>());
        }
        return samples;
    }

    /** The reference to run, or why there is none. */
    private record ReferenceChoice(Optional<MemoryReference> reference, Optional<String> missing) {

        static ReferenceChoice of(MemoryReference reference) {
            return new ReferenceChoice(Optional.of(reference), Optional.empty());
        }

        static ReferenceChoice none(String reason) {
            return new ReferenceChoice(Optional.empty(), Optional.of(reason));
        }
    }
}
