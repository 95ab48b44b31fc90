package dev.asios.health.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends to the audit log as fast as it can with SIGKILL at random
 * moments, four times on the same log: each time the log opens without a break in its chain, it
 * holds every event the child reported durable and at most the one after, numbered without gaps;
 * a torn last line, if the kill left one, is cut and recorded.
 */
@Tag("slow")
class AuditLogCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLosesAtMostTheEventItWasWriting() throws Exception {
        Random random = new Random(7);
        for (int kill = 0; kill < 4; kill++) {
            long lastReported = appendAndKill(30 + random.nextInt(200), random.nextInt(15));
            try (AuditLog log = AuditLog.open(dir, AppendingChild.SETTINGS, InstantSource.system())) {
                AuditLogCheck check = log.openCheck();
                assertThat(check.newBreaks()).as("kill %d", kill).isEmpty();
                assertThat(check.lastSequence()).as("kill %d", kill).isBetween(lastReported, lastReported + 1);
                check.tornLine().ifPresent(torn -> assertThat(torn).contains("bytes at the end of events.jsonl"));
                AuditPage all = log.query(AuditQuery.all().withLimit(AuditQuery.MAX_LIMIT).withNewestFirst(false));
                assertThat(all.unreadableLines()).isZero();
                assertThat(AuditLogTest.sequences(all)).isEqualTo(LongStream.rangeClosed(1, log.lastSequence()).boxed().toList());
            }
        }
    }

    /**
     * Runs a child until it reported {@code events}, waits {@code extraMs}, kills it; the last number
     * it reported. The child reports into a file, not a pipe: what a killed child wrote to a pipe
     * can be lost to the parent when the JDK drains the pipe on exit while a reader is reading it.
     */
    private long appendAndKill(int events, long extraMs) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), AppendingChild.class.getName(), dir.toString());
        Path reports = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectOutput(reports.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reported(reports).size() < events) {
                assertThat(child.isAlive()).as("the child runs; see " + dir.resolve("child.err")).isTrue();
                assertThat(System.nanoTime()).as("the child reports events in time").isLessThan(deadline);
                Thread.sleep(2);
            }
            Thread.sleep(extraMs);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return reported(reports).getLast();
    }

    /** The numbers the child reported: the whole lines of its output. */
    private static List<Long> reported(Path reports) throws IOException {
        String text = Files.readString(reports, StandardCharsets.US_ASCII);
        String whole = text.substring(0, text.lastIndexOf('\n') + 1);
        return whole.lines().map(Long::parseLong).toList();
    }
}
