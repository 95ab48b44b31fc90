package dev.asios.run.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an outside command to its end within a time limit and returns what it printed (standard
 * output and error together). A command past its limit is killed. Thread-safe.
 */
public final class BoundedCommand {

    private BoundedCommand() {
    }

    /**
     * Runs {@code argv} and returns its output.
     *
     * @throws CommandFailure if it cannot start, runs past {@code timeout}, or exits with a status
     *     other than 0 (the message has the first line it printed)
     */
    public static String run(List<String> argv, Duration timeout) throws CommandFailure {
        // Named as a user would type it: the program's file name, then the arguments.
        String shown = java.nio.file.Path.of(argv.getFirst()).getFileName() + (argv.size() > 1 ? " " + String.join(" ", argv.subList(1, argv.size())) : "");
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            AtomicReference<String> output = new AtomicReference<>("");
            Thread reader = Thread.ofVirtual().start(() -> output.set(readAll(process.getInputStream())));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandFailure(shown + " did not finish in " + timeout.toMillis() + " ms");
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
}
