package dev.asios.observe.tool;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool ({@code nvidia-smi}, {@code bpftrace --version}, {@code ldconfig -p},
 * {@code mount}) run to its end within a time limit, its standard output kept
 * apart from its standard error. A run past its limit is killed with its children; one that
 * outlives even that (a process stuck in the driver cannot be killed until the driver lets go) is
 * remembered, and no new run starts while it lives, so a hung driver does not pile up processes
 * one per collection. Not thread-safe: one caller at a time.
 */
public final class BoundedTool {

    private static final Duration KILL_GRACE = Duration.ofSeconds(1);

    private final Path executable;
    private final Duration timeout;
    private Process stuck;

    /** Runs {@code executable}, each run within {@code timeout}. */
    public BoundedTool(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /**
     * The executable file {@code name} in the first folder of {@code searchPath} (colon-separated,
     * an empty entry being the working folder) that has one, as the shell finds a command.
     */
    public static Optional<Path> onSearchPath(String name, String searchPath) {
        for (String folder : searchPath.split(File.pathSeparator)) {
            Path file = Path.of(folder.isEmpty() ? "." : folder, name).toAbsolutePath();
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The tool's file name, as messages name it. */
    public String name() {
        return executable.getFileName().toString();
    }

    /**
     * Runs the tool with {@code arguments} and returns its standard output.
     *
     * @throws ToolException if it cannot start, an earlier run is still stuck, it runs
     *     past the limit, or exits with a status other than 0 (the message has the first line it
     *     printed, which is where {@code nvidia-smi} says why)
     */
    public String run(List<String> arguments) throws ToolException {
        if (stuck != null && stuck.isAlive()) {
            throw new ToolException(name() + " (pid " + stuck.pid() + ") is still running after it was killed at its "
                    + timeout.toMillis() + " ms limit; no new run until it ends (is the driver hung?)");
        }
        stuck = null;
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ToolException(name() + " could not start: " + e.getMessage());
        }
        Drain output = new Drain(process.getInputStream());
        Drain errors = new Drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ToolException(name() + " did not finish within " + timeout.toMillis() + " ms and was killed");
            }
            String printed = output.text(timeout);
            if (process.exitValue() != 0) {
                throw new ToolException(name() + " exited " + process.exitValue() + ": " + firstLine(printed + "\n" + errors.text(timeout)));
            }
            return printed;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ToolException(name() + " was interrupted");
        }
    }

    /**
     * The standard output of {@code command} (its first element the executable, by path or by
     * name on {@code PATH}) if it exits 0 within {@code timeout}; empty if it cannot start, fails
     * or runs too long. For probing the host, where a failure only means "not here".
     */
    public static Optional<String> output(List<String> command, Duration timeout) {
        try {
            return Optional.of(new BoundedTool(Path.of(command.getFirst()), timeout).run(command.subList(1, command.size())));
        } catch (ToolException e) {
            return Optional.empty();
        }
    }

    private void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                stuck = process;
            }
        } catch (InterruptedException e) {
            stuck = process;
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        String line = newline < 0 ? stripped : stripped.substring(0, newline).strip();
        return line.isEmpty() ? "(it printed nothing)" : line;
    }

    /** A stream read to its end on a virtual thread. */
    private static final class Drain {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            this.thread = Thread.ofVirtual().start(() -> copy(in));
        }

        private void copy(InputStream in) {
            try (in) {
                in.transferTo(bytes);
            } catch (IOException e) {
                // The process was killed or closed its end: what was read so far is kept.
            }
        }

        /** What was read, waiting at most {@code wait} for the stream's end. */
        String text(Duration wait) throws InterruptedException {
            thread.join(wait);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
