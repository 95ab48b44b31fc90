package dev.asios.bench.child;

import dev.asios.run.command.CommandFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * An outside process that runs beside the caller (a receiver, an iperf3 server, noisy neighbours)
 * and says what it is doing line by line: the caller waits for the line it needs, and
 * {@link #close} stops the process and the processes it started if they are still there. Its
 * standard output and error are read together, on a virtual thread, to the end. Used by one
 * thread at a time.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int LINES_SHOWN = 5;
    private static final Duration TERM_WAIT = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String shown;
    private final Process process;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final List<String> skipped = new ArrayList<>();

    private ChildProcess(String shown, Process process) {
        this.shown = shown;
        this.process = process;
        Thread.ofVirtual().name("child-output").start(this::readLines);
    }

    /**
     * Starts {@code argv}.
     *
     * @throws CommandFailure if it cannot start
     */
    public static ChildProcess start(List<String> argv) throws CommandFailure {
        String shown = Path.of(argv.getFirst()).getFileName() + " " + String.join(" ", argv.subList(1, argv.size()));
        try {
            return new ChildProcess(shown.strip(), new ProcessBuilder(argv).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new CommandFailure(shown + " could not start: " + e.getMessage());
        }
    }

    /**
     * Waits for the next line that {@code wanted} accepts and returns it; lines before it are kept
     * for error messages.
     *
     * @throws CommandFailure if the process ends first, or {@code timeout} passes (the message has
     *     the last lines it printed)
     */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws CommandFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Optional<String> line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new CommandFailure(shown + " did not say what it should within " + timeout.toMillis() + " ms" + lastLines());
                }
                if (line.isEmpty()) {
                    process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    String status = process.isAlive() ? "closed its output" : "exited " + process.exitValue();
                    throw new CommandFailure(shown + " " + status + " too early" + lastLines());
                }
                if (wanted.test(line.get())) {
                    return line.get();
                }
                skipped.add(line.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(shown + " was interrupted");
        }
    }

    /**
     * Waits up to {@code timeout} for the process to end.
     *
     * @return whether it ended with status 0
     */
    public boolean awaitSuccess(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
    }

    /**
     * Checks that the process still runs.
     *
     * @throws CommandFailure if it has ended (the message has its exit status and last lines)
     */
    public void checkAlive() throws CommandFailure {
        if (!process.isAlive()) {
            throw new CommandFailure(shown + " exited " + process.exitValue() + " before it was stopped" + lastLines());
        }
    }

    /**
     * Stops the process, unless it has ended, and whatever it started: {@code SIGTERM} first, then
     * {@code SIGKILL} to those still there after 2 s; waits a little for them.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(TERM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle handle : concat(process.toHandle(), descendants)) {
                if (handle.isAlive()) {
                    handle.destroyForcibly();
                    handle.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a process that outlives SIGKILL for seconds is stuck in the kernel: nothing more to do
        }
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> rest) {
        List<ProcessHandle> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            lines.add(Optional.of("(output unreadable: " + e.getMessage() + ")"));
        }
        lines.add(Optional.empty());
    }

    private String lastLines() {
        List<String> rest = new ArrayList<>(skipped);
        lines.forEach(line -> line.ifPresent(rest::add));
        List<String> last = rest.subList(Math.max(0, rest.size() - LINES_SHOWN), rest.size());
        return last.isEmpty() ? "" : ": " + String.join(" | ", last);
    }
}
