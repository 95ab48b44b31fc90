package dev.asios.bench.storage;

import dev.asios.host.parse.ParseException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * fio, the reference for the storage probe, run on the probe's own test file with the same size,
 * regions, block size and queue depth: one job per probe thread ({@code --numjobs}), each on its
 * own region ({@code --size} and {@code --offset_increment}), {@code O_DIRECT} through libaio with
 * one request outstanding per job. fio may not create or delete files ({@code --allow_file_create=0}),
 * so it touches only the test file. Immutable and thread-safe; runs of one test file must not overlap.
 */
public final class FioReference {

    /** The slowest storage the time limit allows for: 10 MB/s, after a minute of start-up. */
    private static final long SLOWEST_BYTES_PER_SECOND = 10_000_000L;

    private final Path fio;
    private final StorageSettings settings;

    /** fio at {@code fio} (an executable), run with {@code settings}. */
    public FioReference(Path fio, StorageSettings settings) {
        this.fio = fio;
        this.settings = settings;
    }

    /** The fio in {@code pathVariable} (the {@code PATH} value), with {@code settings}; empty if there is none. */
    public static Optional<FioReference> find(String pathVariable, StorageSettings settings) {
        return CommandResolver.resolve("fio", pathVariable).map(fio -> new FioReference(fio, settings));
    }

    /**
     * The command that writes {@code file} sequentially and {@code fsync}s it at the end ({@code write})
     * or reads it ({@code !write}).
     */
    public List<String> command(Path file, boolean write) {
        List<String> argv = new ArrayList<>(List.of(fio.toString(), "--name=" + (write ? "seqwrite" : "seqread"), "--filename=" + file,
                "--rw=" + (write ? "write" : "read"), "--bs=" + settings.blockBytes(), "--direct=1", "--ioengine=libaio", "--iodepth=1",
                "--numjobs=" + settings.threads(), "--size=" + settings.regionBytes(), "--offset_increment=" + settings.regionBytes(),
                "--allow_file_create=0"));
        if (write) {
            argv.add("--end_fsync=1");
        }
        argv.addAll(List.of("--group_reporting", "--output-format=json"));
        return List.copyOf(argv);
    }

    /**
     * Writes {@code file} with fio and returns its bandwidth in GB/s (10^9 bytes per second).
     *
     * @throws CommandFailure if fio cannot start, fails, runs past its time limit, or prints output
     *     that is not what {@link FioJsonParser} expects or moved no bytes; the message says which
     */
    public double writeGBps(Path file) throws CommandFailure {
        return run(file, true).write().gigabytesPerSecond();
    }

    /**
     * Reads {@code file} with fio and returns its bandwidth in GB/s.
     *
     * @throws CommandFailure as {@link #writeGBps(Path)}
     */
    public double readGBps(Path file) throws CommandFailure {
        return run(file, false).read().gigabytesPerSecond();
    }

    private FioResult run(Path file, boolean write) throws CommandFailure {
        Duration limit = Duration.ofSeconds(60 + settings.sizeBytes() / SLOWEST_BYTES_PER_SECOND);
        String output = BoundedCommand.run(command(file, write), limit);
        try {
            FioResult result = FioJsonParser.parse(output);
            if (!(write ? result.write() : result.read()).any()) {
                throw new CommandFailure("fio " + (write ? "wrote" : "read") + " no bytes of " + file);
            }
            return result;
        } catch (ParseException e) {
            throw new CommandFailure("fio's output: " + e.getMessage());
        }
    }
}
