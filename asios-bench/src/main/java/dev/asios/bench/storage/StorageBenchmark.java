package dev.asios.bench.storage;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.run.command.CommandFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage target: {@link SequentialIoProbe} against fio ({@link FioReference}) on one test file.
 * The file is made and written once unmeasured; then each round runs the probe (write, read, model
 * load) and then fio (write, read) on it; the file is deleted at the end, also on failure. The
 * headline is the sequential read in GB/s; the extras are both tools' sequential writes and the
 * probe's model load. Without fio, or when it fails, the probe runs alone and the result says why.
 * Takes {@code --rounds}, {@code --size} and {@code --dir} from the options and ignores the rest.
 * Stateless and thread-safe, but two runs on one directory measure each other.
 */
public final class StorageBenchmark implements Benchmark {

    private static final String UNIT = "GB/s";

    private final String pathVariable;

    /** A benchmark that looks for fio in this process's {@code PATH}. */
    public StorageBenchmark() {
        this(Objects.requireNonNullElse(System.getenv("PATH"), ""));
    }

    /** A benchmark that looks for fio in {@code pathVariable}, a {@code PATH} value ({@code ""} for no fio). */
    public StorageBenchmark(String pathVariable) {
        this.pathVariable = pathVariable;
    }

    @Override
    public Target target() {
        return Target.STORAGE;
    }

    /**
     * Runs the rounds.
     *
     * @throws BenchException naming {@code --rounds} below 1, {@code --size} out of bounds or larger
     *     than half the free space, {@code --dir} missing, read-only, not writable or refusing O_DIRECT
     */
    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        options.checkRounds();
        StorageSettings settings = StorageSettings.from(options);
        SequentialIoProbe probe = new SequentialIoProbe(settings);
        Optional<FioReference> fio = FioReference.find(pathVariable, settings);
        Rounds rounds = new Rounds(fio.isEmpty() ? Optional.of("fio is not installed (no fio in PATH); install the fio package") : Optional.empty());
        try (TestFile file = TestFile.create(settings)) {
            progress.step("storage: writing the " + (settings.sizeBytes() >> 20) + " MiB test file", 0, options.rounds());
            probe.layOut(file);
            for (int round = 1; round <= options.rounds(); round++) {
                rounds.probeWrite.add(probe.writeGBps(file));
                rounds.probeRead.add(probe.readGBps(file));
                rounds.probeLoad.add(probe.loadGBps(file));
                if (rounds.fioMissing.isEmpty()) {
                    fioRound(fio.orElseThrow(), file, round, rounds);
                }
                progress.step("storage", round, options.rounds());
            }
            return result(options, settings, probe.method(file), fio, file, rounds);
        }
    }

    private static void fioRound(FioReference fio, TestFile file, int round, Rounds rounds) {
        try {
            rounds.fioWrite.add(fio.writeGBps(file.path()));
            rounds.fioRead.add(fio.readGBps(file.path()));
        } catch (CommandFailure e) {
            rounds.fioMissing = Optional.of("fio failed in round " + round + ": " + e.getMessage());
        }
    }

    private static TargetResult result(BenchOptions options, StorageSettings settings, String method, Optional<FioReference> fio,
            TestFile file, Rounds rounds) {
        List<String> probeCommand = List.of("asios", "bench", Target.STORAGE.cliName(), "--rounds", String.valueOf(options.rounds()),
                "--size", String.valueOf(settings.sizeBytes()), "--dir", settings.directory().toString());
        Measurement read = probe("sequential read", rounds.probeRead, "O_DIRECT read: " + method, probeCommand);
        List<Measurement> extra = new ArrayList<>();
        extra.add(probe("sequential write", rounds.probeWrite, "O_DIRECT write: " + method, probeCommand));
        extra.add(probe("model load", rounds.probeLoad, "model load: " + method, probeCommand));
        Optional<Measurement> reference = Optional.empty();
        if (rounds.fioMissing.isEmpty()) {
            FioReference tool = fio.orElseThrow();
            String fioMethod = "fio on the same file: " + settings.threads() + " jobs each on its own region, " + (settings.blockBytes() >> 10)
                    + " KiB blocks, libaio with iodepth 1 per job, O_DIRECT; the write ends with an fsync";
            reference = Optional.of(new Measurement("fio", "sequential read", UNIT, Direction.HIGHER_IS_BETTER, rounds.fioRead, fioMethod,
                    tool.command(file.path(), false)));
            extra.add(new Measurement("fio", "sequential write", UNIT, Direction.HIGHER_IS_BETTER, rounds.fioWrite, fioMethod,
                    tool.command(file.path(), true)));
        }
        return new TargetResult(Target.STORAGE, read, reference, rounds.fioMissing, extra);
    }

    private static Measurement probe(String metric, List<Double> samples, String method, List<String> command) {
        return new Measurement("asios", metric, UNIT, Direction.HIGHER_IS_BETTER, samples, method, command);
    }

    /** The samples of a run so far, and why fio has none. Confined to the running thread. */
    private static final class Rounds {
        final List<Double> probeWrite = new ArrayList<>();
        final List<Double> probeRead = new ArrayList<>();
        final List<Double> probeLoad = new ArrayList<>();
        final List<Double> fioWrite = new ArrayList<>();
        final List<Double> fioRead = new ArrayList<>();
        Optional<String> fioMissing;

        Rounds(Optional<String> fioMissing) {
            this.fioMissing = fioMissing;
        }
    }
}
