package dev.asios.run.place;

import dev.asios.host.parse.ParseException;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the NVLinks between the GPUs by running {@code nvidia-smi topo -m} and
 * {@code nvidia-smi --query-gpu=index,pci.bus_id --format=csv,noheader}, each with a time limit.
 * Never throws: without {@code nvidia-smi} on the search path, or when it fails, times out or
 * prints what {@link NvidiaSmiParser} cannot read, the answer is {@link GpuLinks#unknown} with the
 * reason. Thread-safe.
 */
public final class NvidiaSmiLinkReader {

    /** The time each command may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String COMMAND = "nvidia-smi";

    private final String searchPath;
    private final Duration timeout;

    /** Looks for {@code nvidia-smi} on this process's {@code PATH}. */
    public NvidiaSmiLinkReader() {
        this(Optional.ofNullable(System.getenv("PATH")).orElse(""), TIMEOUT);
    }

    /** Looks for {@code nvidia-smi} in the folders of {@code searchPath} (colon-separated); each command may take {@code timeout}. */
    public NvidiaSmiLinkReader(String searchPath, Duration timeout) {
        this.searchPath = searchPath;
        this.timeout = timeout;
    }

    /** The NVLinks, or {@link GpuLinks#unknown} with the reason they could not be read. */
    public GpuLinks read() {
        Optional<Path> command = find();
        if (command.isEmpty()) {
            return GpuLinks.unknown(COMMAND + " is not on the search path");
        }
        try {
            String topology = run(command.get(), "topo", "-m");
            String busIds = run(command.get(), "--query-gpu=index,pci.bus_id", "--format=csv,noheader");
            return GpuLinks.fromNvidiaSmi(topology, busIds);
        } catch (CommandFailure | ParseException e) {
            return GpuLinks.unknown(e.getMessage());
        }
    }

    private Optional<Path> find() {
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, COMMAND);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private String run(Path command, String... arguments) throws CommandFailure {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(arguments));
        String shown = COMMAND + " " + String.join(" ", arguments);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            AtomicReference<String> output = new AtomicReference<>("");
            Thread reader = Thread.ofVirtual().start(() -> output.set(readAll(process.getInputStream())));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandFailure(shown + " did not finish in " + timeout.toSeconds() + " s");
            }
            reader.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                throw new CommandFailure(shown + " exited " + process.exitValue() + ": " + firstLine(output.get()));
            }
            return output.get();
        } catch (IOException e) {
            throw new CommandFailure(shown + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(shown + " was interrupted");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }

    /** A command that did not give its output; the message says why. */
    private static final class CommandFailure extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }
}
