package dev.asios.observe.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short command such as {@code bpftrace --version} or {@code ldconfig -p} and returns what
 * it printed, within a time limit. Thread-safe.
 */
final class ToolOutput {

    private static final Duration GRACE = Duration.ofSeconds(1);

    private ToolOutput() {
    }

    /**
     * The standard output of {@code command} if it exits with status 0 within {@code timeout};
     * empty if it cannot start, fails or takes too long (then it is killed).
     */
    static Optional<String> run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return Optional.empty();
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                runnable -> Thread.ofVirtual().start(runnable));
        try {
            String text = output.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) && process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process.isAlive()) {
                ProcessStopper.stop(process, GRACE);
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
