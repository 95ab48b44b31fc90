package dev.asios.health.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what an append costs on the disk the temporary folder is on: one event with its fsync,
 * and events in batches of ten with one fsync for the batch. Prints the method and the numbers;
 * asserts only a bound no working disk misses. Run it on the machine whose cost matters:
 * {@code -Dtest=AuditLogAppendCostTest -Dasios.excludedTags= -Djava.io.tmpdir=/var/lib/asios}.
 */
@Tag("slow")
class AuditLogAppendCostTest {

    private static final int EVENTS = 400;
    private static final int BATCH = 10;

    @TempDir
    Path dir;

    @Test
    void measuresTheCostOfADurableAppend() throws IOException {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, InstantSource.system())) {
            for (int i = 0; i < 50; i++) {
                log.append(event(i));
            }
            long[] singleNs = new long[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                long start = System.nanoTime();
                log.append(event(i));
                singleNs[i] = System.nanoTime() - start;
            }
            long[] batchNs = new long[EVENTS / BATCH];
            for (int b = 0; b < batchNs.length; b++) {
                List<AuditEvent.Builder> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(event(i));
                }
                long start = System.nanoTime();
                log.appendAll(batch);
                batchNs[b] = System.nanoTime() - start;
            }
            long lineBytes = Files.size(dir.resolve(AuditFiles.ACTIVE)) / log.lastSequence();
            System.out.printf(Locale.ROOT, "audit append cost in %s (%d events, ~%d bytes a line):%n  one event + fsync: %s%n"
                    + "  batch of %d + one fsync, per event: %s%n", dir, EVENTS, lineBytes, summary(singleNs, 1), BATCH, summary(batchNs, BATCH));
            assertThat(percentile(singleNs, 0.5)).as("median append with fsync").isLessThan(200_000_000L);
        }
    }

    private static AuditEvent.Builder event(int i) {
        return AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_APPLIED, "cpu/" + (i % 8), "pid " + (4000 + i) + " ran 93% of an isolated CPU")
                .before(AuditValue.of("3")).after(AuditValue.of("0-1")).undoRef("journal:" + i).outcome("moved 1 task");
    }

    private static String summary(long[] ns, int perCall) {
        return String.format(Locale.ROOT, "median %.1f us, p99 %.1f us, mean %.1f us", percentile(ns, 0.5) / 1e3 / perCall,
                percentile(ns, 0.99) / 1e3 / perCall, Arrays.stream(ns).average().orElse(0) / 1e3 / perCall);
    }

    private static long percentile(long[] ns, double p) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
