package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that records a round every 100 ms with SIGKILL at random moments, three
 * times on the same store: each time the database passes {@code PRAGMA integrity_check}, and its
 * last round is the last one the child reported committed, or the one after (committed, killed
 * before it printed), complete.
 */
@Tag("slow")
class SampleStoreCrashTest {

    private static final long STEP_MS = 5_000;
    private static final long INTERVAL_MS = 100;

    @TempDir
    Path state;

    @Test
    void aKilledAgentLosesAtMostTheRoundItWasWriting() throws Exception {
        Random random = new Random(42);
        long startMs = 28_333_333L * 60_000;
        for (int kill = 0; kill < 3; kill++) {
            int rounds = kill == 0 ? 200 : 20 + random.nextInt(100);
            long lastReported = recordAndKill(startMs, rounds, random.nextInt((int) INTERVAL_MS), kill == 0);
            SampleStore.open(state, RecordingChild.SETTINGS).close();
            assertThat(StoreSql.single(state, "PRAGMA integrity_check")).isEqualTo("ok");
            long lastStored = Long.parseLong(StoreSql.single(state, "SELECT max(ts_ms) FROM raw_rounds"));
            assertThat(lastStored).as("kill %d after %d rounds", kill, rounds).isBetween(lastReported, lastReported + STEP_MS);
            assertThat(StoreSql.single(state, "SELECT count(*) FROM raw WHERE ts_ms = " + lastStored)).as("a whole round")
                    .isEqualTo(Integer.toString(RecordingChild.SERIES));
            startMs = lastStored + STEP_MS;
        }
        assertThat(Long.parseLong(StoreSql.single(state, "SELECT count(*) FROM minute_rounds"))).as("the children rolled minutes up").isPositive();
    }

    /** Runs a child until it reported {@code rounds} rounds, waits {@code extraMs}, kills it; the last round it reported. */
    private long recordAndKill(long startMs, int rounds, long extraMs, boolean tryASecondAgent) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"), RecordingChild.class.getName(), state.toString(),
                Long.toString(startMs), Long.toString(STEP_MS), Long.toString(INTERVAL_MS));
        Process child = new ProcessBuilder(command).redirectError(state.resolve("child.err").toFile()).start();
        AtomicLong reported = new AtomicLong();
        AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        Thread reader = Thread.ofVirtual().start(() -> readRounds(child, reported, last));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (reported.get() < rounds) {
                assertThat(child.isAlive()).as("the child runs; see " + state.resolve("child.err")).isTrue();
                assertThat(System.nanoTime()).as("the child reports rounds in time").isLessThan(deadline);
                Thread.sleep(10);
            }
            if (tryASecondAgent) {
                assertThatThrownBy(() -> SampleStore.open(state, RecordingChild.SETTINGS)).hasMessageContaining("is in use by another asios agent");
            }
            Thread.sleep(extraMs);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join();
        return last.get();
    }

    private static void readRounds(Process child, AtomicLong reported, AtomicLong last) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                last.set(Long.parseLong(line.strip()));
                reported.incrementAndGet();
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("reading the child's rounds", e);
        }
    }
}
