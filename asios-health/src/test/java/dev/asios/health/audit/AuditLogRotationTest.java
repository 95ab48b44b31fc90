package dev.asios.health.audit;

import static dev.asios.health.audit.AuditLogTest.T0;
import static dev.asios.health.audit.AuditLogTest.finding;
import static dev.asios.health.audit.AuditLogTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogRotationTest {

    /** About 8 events a file. */
    private static final AuditLogSettings SMALL = new AuditLogSettings(1024, 2);

    @TempDir
    Path dir;

    final SteppingClock clock = new SteppingClock(T0);

    private List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jsonl")).sorted().toList();
        }
    }

    private void append(AuditLog log, int events) {
        for (int i = 0; i < events; i++) {
            log.append(finding("disk/nvme0n" + i, "queue depth 1, random reads"));
            clock.advanceMs(1);
        }
    }

    @Test
    void aFullFileIsRotatedAndTheOldestBeyondTheKeptOnesIsDeleted() throws IOException {
        try (AuditLog log = AuditLog.open(dir, SMALL, clock)) {
            append(log, 10);
            assertThat(files()).containsExactly("events.1.jsonl", "events.jsonl");
            append(log, 40);
            assertThat(files()).containsExactly("events.1.jsonl", "events.2.jsonl", "events.jsonl");
            for (String file : files()) {
                assertThat(Files.size(dir.resolve(file))).as(file).isLessThanOrEqualTo(1024);
            }
        }
    }

    @Test
    void theChainAndTheNumbersGoOnAcrossFiles() {
        long kept;
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 100), clock)) {
            append(log, 50);
            kept = AuditReader.read(dir, AuditQuery.all().withLimit(1000)).events().size();
        }
        assertThat(kept).isEqualTo(50);
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 100), clock)) {
            assertThat(log.openCheck().damaged()).isFalse();
            assertThat(log.openCheck().linesRead()).isEqualTo(50);
            assertThat(log.append(finding("cpu/0", "after")).sequence()).isEqualTo(51);
        }
    }

    @Test
    void aLogWhoseOldestFilesWereRotatedAwayIsNotDamaged() {
        try (AuditLog log = AuditLog.open(dir, SMALL, clock)) {
            append(log, 60);
        }
        try (AuditLog log = AuditLog.open(dir, SMALL, clock)) {
            assertThat(log.openCheck().damaged()).isFalse();
            assertThat(log.openCheck().lastSequence()).isEqualTo(60);
        }
    }

    @Test
    void aRemovedMiddleFileIsABreak() throws IOException {
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 10), clock)) {
            append(log, 30);
        }
        Files.delete(dir.resolve("events.2.jsonl"));
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 10), clock)) {
            assertThat(log.openCheck().newBreaks()).singleElement().satisfies(broken -> {
                assertThat(broken.file()).isEqualTo("events.1.jsonl");
                assertThat(broken.lineNumber()).isEqualTo(1);
                assertThat(broken.reason()).isEqualTo("does not follow the last line of the file before it: a file was removed or changed");
            });
        }
    }

    @Test
    void queriesReadAcrossFilesInBothOrders() {
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 100), clock)) {
            append(log, 40);
            assertThat(sequences(log.query(AuditQuery.all().withLimit(1000).withNewestFirst(false))))
                    .isEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());
            assertThat(sequences(log.query(AuditQuery.all().withLimit(12)))).isEqualTo(LongStream.rangeClosed(29, 40).map(s -> 69 - s).boxed().toList());
            assertThat(sequences(log.query(AuditQuery.all().withLimit(5).withNewestFirst(false).withAfterSequence(20))))
                    .containsExactly(21L, 22L, 23L, 24L, 25L);
        }
    }

    @Test
    void withNoRotatedFilesKeptTheLogStartsAnewFile() throws IOException {
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 0), clock)) {
            append(log, 20);
            assertThat(files()).containsExactly("events.jsonl");
        }
        try (AuditLog log = AuditLog.open(dir, new AuditLogSettings(1024, 0), clock)) {
            assertThat(log.openCheck().damaged()).isFalse();
            assertThat(log.lastSequence()).isEqualTo(20);
        }
    }
}
