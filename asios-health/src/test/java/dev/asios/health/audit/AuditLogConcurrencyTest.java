package dev.asios.health.audit;

import static dev.asios.health.audit.AuditLogTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads appending at once: whole lines, numbers without gaps, each thread's events in its order, an unbroken chain. */
class AuditLogConcurrencyTest {

    private static final int THREADS = 6;
    private static final int EACH = 60;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsNeverInterleave() throws InterruptedException, IOException {
        AuditLogSettings settings = new AuditLogSettings(16 * 1024, 100);
        try (AuditLog log = AuditLog.open(dir, settings, new SteppingClock(T0))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String subject = "thread/" + t;
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < EACH; i++) {
                        String why = i + " " + "x".repeat(i * 7);
                        if (i % 10 == 0) {
                            log.appendAll(List.of(AuditLogTest.finding(subject, why), AuditLogTest.finding(subject, why + " again")));
                        } else {
                            log.append(AuditLogTest.finding(subject, why));
                        }
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            int total = THREADS * (EACH + EACH / 10);
            assertThat(log.lastSequence()).isEqualTo(total);
            AuditPage page = log.query(AuditQuery.all().withLimit(10_000).withNewestFirst(false));
            assertThat(page.unreadableLines()).isZero();
            assertThat(AuditLogTest.sequences(page)).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
            for (int t = 0; t < THREADS; t++) {
                String subject = "thread/" + t;
                List<Integer> order = page.events().stream().filter(e -> e.subject().equals(subject)).map(e -> Integer.parseInt(e.why().split(" ")[0]))
                        .toList();
                assertThat(order).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(EACH + EACH / 10);
            }
        }
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, new SteppingClock(T0))) {
            assertThat(log.openCheck().damaged()).isFalse();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsonl")).count()).as("it rotated while threads wrote").isGreaterThan(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
