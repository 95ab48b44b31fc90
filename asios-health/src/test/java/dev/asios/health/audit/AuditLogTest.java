package dev.asios.health.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.RemediationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    static final long T0 = 1_740_823_200_000L;

    @TempDir
    Path dir;

    final SteppingClock clock = new SteppingClock(T0);

    static AuditEvent.Builder finding(String subject, String why) {
        return AuditEvent.builder(AuditEvent.HEAL, AuditEventType.FINDING, subject, why);
    }

    static List<Long> sequences(AuditPage page) {
        return page.events().stream().map(AuditEvent::sequence).toList();
    }

    @Test
    void appendedEventsAreNumberedTimedAndReadBack() throws IOException {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThat(log.openCheck().damaged()).isFalse();
            assertThat(log.lastSequence()).isZero();
            AuditEvent first = log.append(finding("node/1", "memory exhausted in ~40 min"));
            clock.advanceMs(1000);
            AuditEvent second = log.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.REMEDIATION_APPLIED, "sysctl vm.swappiness", "drifted")
                    .remediation(RemediationKind.REAPPLY_DRIFT).before(AuditValue.of("60")).after(AuditValue.of("10")).mode(HealMode.ENFORCE).undoRef("journal:7").outcome("re-applied"));
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.epochMs()).isEqualTo(T0);
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.epochMs()).isEqualTo(T0 + 1000);
            assertThat(log.lastSequence()).isEqualTo(2);
            assertThat(log.query(AuditQuery.all()).events()).containsExactly(second, first);
            assertThat(AuditReader.read(dir, AuditQuery.all().withNewestFirst(false)).events()).containsExactly(first, second);
        }
        assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).hasSize(2);
    }

    @Test
    void aReopenedLogGoesOnWithTheNextNumberAndAnUnbrokenChain() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            log.append(finding("cpu/1", "a"));
            log.append(finding("cpu/2", "b"));
        }
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThat(log.openCheck()).isEqualTo(new AuditLogCheck(2, 2, List.of(), 0, java.util.Optional.empty()));
            assertThat(log.append(finding("cpu/3", "c")).sequence()).isEqualTo(3);
        }
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThat(log.openCheck().damaged()).isFalse();
            assertThat(log.openCheck().linesRead()).isEqualTo(3);
        }
    }

    @Test
    void aBatchIsNumberedInOrderWithOneTime() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            List<AuditEvent> events = log.appendAll(List.of(finding("a", "1"), finding("b", "2"), finding("c", "3")));
            assertThat(events).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(AuditEvent::epochMs).containsOnly(T0);
            assertThat(log.query(AuditQuery.all().withNewestFirst(false)).events()).isEqualTo(events);
        }
    }

    @Test
    void anInvalidEventIsRefusedAndNothingIsWritten() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThatThrownBy(() -> log.appendAll(List.of(finding("a", "1"), finding("b", " ")))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.append(finding("a", "x".repeat(70_000)))).isInstanceOf(IllegalArgumentException.class);
            assertThat(log.lastSequence()).isZero();
            assertThat(log.append(finding("a", "1")).sequence()).isEqualTo(1);
        }
    }

    @Test
    void oneWriterAtATime() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThatThrownBy(() -> AuditLog.open(dir, AuditLogSettings.STANDARD, clock)).isInstanceOf(AuditException.class)
                    .hasMessage("the audit log in " + dir + " is in use by another asios agent; stop it, or give this one another state folder");
            log.append(finding("a", "1"));
        }
        try (AuditLog again = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            assertThat(again.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void aClosedLogRefusesAppends() {
        AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock);
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(finding("a", "1"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> AuditLog.open(file.resolve("audit"), AuditLogSettings.STANDARD, clock)).isInstanceOf(AuditException.class)
                .hasMessageStartingWith("cannot create the audit log folder " + file.resolve("audit"));
    }

    @Test
    void queriesFilterByTimeTypeSubjectAndNumber() {
        try (AuditLog log = AuditLog.open(dir, AuditLogSettings.STANDARD, clock)) {
            for (int i = 0; i < 10; i++) {
                AuditEventType type = i % 2 == 0 ? AuditEventType.ANOMALY_STARTED : AuditEventType.ANOMALY_ENDED;
                log.append(AuditEvent.builder(AuditEvent.HEAL, type, (i < 5 ? "cpu/" : "run/train-") + i, "grade 0." + i));
                clock.advanceMs(1000);
            }
            assertThat(sequences(log.query(AuditQuery.all()))).containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(sequences(log.query(AuditQuery.all().withSince(T0 + 3000).withUntil(T0 + 6000)))).containsExactly(6L, 5L, 4L);
            assertThat(sequences(log.query(AuditQuery.all().withTypes(Set.of(AuditEventType.ANOMALY_ENDED))))).containsExactly(10L, 8L, 6L, 4L, 2L);
            assertThat(sequences(log.query(AuditQuery.all().withSubjectPrefix("run/")))).containsExactly(10L, 9L, 8L, 7L, 6L);
            assertThat(sequences(log.query(AuditQuery.all().withAfterSequence(8).withNewestFirst(false)))).containsExactly(9L, 10L);
            AuditPage newest = log.query(AuditQuery.all().withLimit(3));
            assertThat(sequences(newest)).containsExactly(10L, 9L, 8L);
            assertThat(newest.more()).isTrue();
            AuditPage oldest = log.query(AuditQuery.all().withLimit(3).withNewestFirst(false));
            assertThat(sequences(oldest)).containsExactly(1L, 2L, 3L);
            assertThat(oldest.more()).isTrue();
            assertThat(log.query(AuditQuery.all().withLimit(10)).more()).isFalse();
        }
    }

    @Test
    void aFolderWithNoLogReadsAsNoEvents() {
        assertThat(AuditReader.read(dir.resolve("none"), AuditQuery.all())).isEqualTo(new AuditPage(List.of(), false, 0));
    }

    @Test
    void aQueryChecksItsBounds() {
        assertThatThrownBy(() -> AuditQuery.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.all().withSince(10).withUntil(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
