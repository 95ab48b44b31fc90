package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test support for the bindings that change the calling thread: each change is made on a fresh
 * platform thread that then ends, and children are started from it so that they inherit it.
 */
final class HostThreads {

    /** Work done on the fresh thread. */
    interface Work<T> {
        T run() throws Exception;
    }

    private HostThreads() {
    }

    /** Runs {@code work} on a new platform thread, waits for it to end, and returns its result or throws what it threw. */
    static <T> T onFreshThread(Work<T> work) throws Exception {
        warmProcessReaper();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name("asios-sys-test").start(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(thread.isAlive()).as("test thread ended").isFalse();
        awaitTaskGone("asios-sys-test");
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits until no OS task of this JVM is named {@code name}: a Java thread counts as ended a
     * little before its OS task has left {@code /proc/self/task}.
     */
    private static void awaitTaskGone(String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ofEveryJvmThread("comm", String::strip).stream().anyMatch(line -> line.endsWith(" " + name))) {
            assertThat(System.nanoTime()).as("the OS task of thread " + name + " ended").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /**
     * Makes sure the JDK's "process reaper" thread exists and is idle, so that a child started
     * from a changed thread reuses it rather than having the changed thread create it.
     */
    static void warmProcessReaper() throws IOException, InterruptedException {
        new ProcessBuilder("true").start().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("process reaper") && t.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("an idle process reaper").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Runs a child, waits for it, and returns its standard output; fails if it exits non-zero. */
    static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit of %s: %s", List.of(command), out).isZero();
        return out;
    }

    /** The value of {@code key} in a {@code /proc/.../status} text, for example {@code Cpus_allowed_list}. */
    static String statusValue(String status, String key) {
        return status.lines().filter(line -> line.startsWith(key + ":")).map(line -> line.substring(key.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + status));
    }

    // Format of /proc/PID/stat: "pid (comm) state ppid ..." - fields counted from 1, comm may hold spaces.
    /** Field {@code number} (1-based, as in proc(5)) of a {@code /proc/PID/stat} text. */
    static String statField(String stat, int number) {
        String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        return afterComm[number - 3];
    }

    /** {@code extract} applied to every thread of this JVM, by thread id. */
    static List<String> ofEveryJvmThread(String file, Function<String, String> extract) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(task -> {
                try {
                    return task.getFileName() + " " + extract.apply(Files.readString(task.resolve(file)));
                } catch (IOException e) {
                    return task.getFileName() + " gone";
                }
            }).filter(line -> !line.endsWith(" gone")).toList();
        }
    }
}
