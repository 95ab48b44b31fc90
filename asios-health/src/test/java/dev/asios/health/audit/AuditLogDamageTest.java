package dev.asios.health.audit;

import static dev.asios.health.audit.AuditLogTest.T0;
import static dev.asios.health.audit.AuditLogTest.finding;
import static dev.asios.health.audit.AuditLogTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log cut, edited or torn is found on open, recorded once, and never stops the log from opening. */
class AuditLogDamageTest {

    @TempDir
    Path dir;

    final SteppingClock clock = new SteppingClock(T0);

    private void write(int events) {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            for (int i = 1; i <= events; i++) {
                log.append(finding("cpu/" + i, "event " + i));
            }
        }
    }

    private AuditLogCheck reopen() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            return log.openCheck();
        }
    }

    private List<AuditEvent> damageEvents() {
        return AuditReader.read(dir, AuditQuery.all().withTypes(Set.of(AuditEventType.LOG_DAMAGED)).withNewestFirst(false)).events();
    }

    private void editLines(java.util.function.UnaryOperator<List<String>> edit) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, edit.apply(new ArrayList<>(Files.readAllLines(file))));
    }

    @Test
    void aTornLastLineIsCutAndWhatItHeldIsSaid() throws IOException {
        write(2);
        byte[] third = AuditLineCodec.encode(finding("cpu/3", "event 3").build(3, T0), "00".repeat(32));
        Files.write(dir.resolve("events.jsonl"), java.util.Arrays.copyOf(third, 90), StandardOpenOption.APPEND);
        AuditLogCheck check = reopen();
        assertThat(check.damaged()).isTrue();
        assertThat(check.newBreaks()).isEmpty();
        assertThat(check.tornLine()).contains("90 bytes at the end of events.jsonl, the start of event 3 (finding on cpu/3), written as the agent stopped");
        List<AuditEvent> damage = damageEvents();
        assertThat(damage).singleElement().satisfies(event -> {
            assertThat(event.sequence()).as("the torn event's number is used again").isEqualTo(3);
            assertThat(event.actor()).isEqualTo(AuditEvent.AUDIT);
            assertThat(event.why()).isEqualTo("cut a torn last line: " + check.tornLine().orElseThrow());
        });
        assertThat(reopen().damaged()).as("cut once").isFalse();
        assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).hasSize(3);
    }

    @Test
    void aTornFragmentThatNamesNoEventIsSaidSo() throws IOException {
        write(1);
        Files.write(dir.resolve("events.jsonl"), new byte[] {'{', '"', 's'}, StandardOpenOption.APPEND);
        assertThat(reopen().tornLine()).contains("3 bytes at the end of events.jsonl, a line that names no event, written as the agent stopped");
    }

    @Test
    void anEditedLineBreaksTheChainAtTheNextLineAndIsRecordedOnce() throws IOException {
        write(5);
        editLines(lines -> {
            lines.set(2, lines.get(2).replace("event 3", "event 9"));
            return lines;
        });
        AuditLogCheck check = reopen();
        assertThat(check.newBreaks()).singleElement().satisfies(broken -> {
            assertThat(broken.file()).isEqualTo("events.jsonl");
            assertThat(broken.lineNumber()).isEqualTo(4);
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.toString()).isEqualTo("events.jsonl line 4 (event 4): does not carry the hash of the line before it:"
                    + " that line was changed, or lines were removed or inserted between them");
        });
        assertThat(damageEvents()).singleElement().satisfies(event -> {
            assertThat(event.sequence()).isEqualTo(6);
            assertThat(event.why()).isEqualTo("the hash chain breaks at 1 place: " + check.newBreaks().getFirst());
            assertThat(event.outcome()).startsWith("the log is kept as it is");
        });
        AuditLogCheck again = reopen();
        assertThat(again.damaged()).as("a recorded break is not reported again").isFalse();
        assertThat(again.knownBreaks()).isEqualTo(1);
        assertThat(damageEvents()).hasSize(1);
        assertThat(AuditReader.read(dir, AuditQuery.all()).events()).hasSize(6);
    }

    @Test
    void aRemovedLineAndAnUnreadableLineAreBreaks() throws IOException {
        write(6);
        editLines(lines -> {
            lines.remove(1);
            lines.set(3, "garbage");
            return lines;
        });
        AuditLogCheck check = reopen();
        assertThat(check.newBreaks()).extracting(ChainBreak::lineNumber).containsExactly(2L, 4L);
        assertThat(check.newBreaks().get(1).reason()).startsWith("not an audit event: audit line: not JSON");
        assertThat(check.lastSequence()).isEqualTo(6);
        AuditPage page = AuditReader.read(dir, AuditQuery.all().withNewestFirst(false));
        assertThat(page.unreadableLines()).isEqualTo(1);
        assertThat(sequences(page)).containsExactly(1L, 3L, 4L, 6L, 7L);
        AuditPage newest = AuditReader.read(dir, AuditQuery.all().withLimit(1));
        assertThat(sequences(newest)).containsExactly(7L);
        assertThat(newest.more()).isTrue();
        assertThat(newest.unreadableLines()).as("read back from the end, the garbage line was not reached").isZero();
        assertThat(AuditReader.read(dir, AuditQuery.all()).unreadableLines()).isEqualTo(1);
    }

    @Test
    void anAbsurdlyLongLineIsABreakNotAFailure() throws IOException {
        write(1);
        Files.write(dir.resolve("events.jsonl"), ("x".repeat(200_000) + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        write(1);
        AuditLogCheck check = reopen();
        assertThat(check.knownBreaks()).isEqualTo(1);
        assertThat(damageEvents()).singleElement().satisfies(event -> assertThat(event.why()).contains("longer than any audit line (200000 bytes)"));
    }

    @Test
    void aChangedFirstEventIsFound() throws IOException {
        write(1);
        editLines(lines -> List.of(lines.getFirst().replace("0000000000", "0000000001")));
        assertThat(reopen().newBreaks()).singleElement().satisfies(broken -> assertThat(broken.reason()).contains("does not start the chain"));
    }
}
