package dev.asios.tune.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.tune.journal.JournalEntry.Kind;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerEntryAndReadsThemBack() {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.begin("inference");
            journal.original(Operation.WRITE, "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60");
            journal.applied(Operation.WRITE, "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "10", null);
            journal.end();
        }
        assertThat(Journal.read(dir)).extracting(JournalEntry::kind).containsExactly(Kind.BEGIN, Kind.ORIGINAL, Kind.APPLIED, Kind.END);
        assertThat(Journal.read(dir).get(1)).isEqualTo(new JournalEntry(Kind.ORIGINAL, "2026-11-25T10:00:00Z", null,
                Operation.WRITE, "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", null));
    }

    @Test
    void readsALineWithoutAnOperationAsAWriteAndKeysMovesApartFromFolders() throws Exception {
        Files.writeString(dir.resolve(Journal.FILE), """
                {"kind":"ORIGINAL","at":"2026-11-25T10:00:00Z","path":"/proc/sys/vm/swappiness","format":"PLAIN","value":"60"}
                {"kind":"ORIGINAL","at":"2026-11-25T10:00:00Z","operation":"CREATE_CGROUP","path":"/c/a","format":"PLAIN","value":"absent"}
                {"kind":"ORIGINAL","at":"2026-11-25T10:00:00Z","operation":"MOVE_TASKS","path":"/c/a","format":"PLAIN","value":"/c"}
                """);
        assertThat(Journal.read(dir).getFirst().operation()).isEqualTo(Operation.WRITE);
        assertThat(Journal.originals(Journal.read(dir)).keySet())
                .containsExactly("/proc/sys/vm/swappiness", "CREATE_CGROUP /c/a", "MOVE_TASKS /c/a");
    }

    @Test
    void keepsTheFirstOriginalOfAPathWhenAppliesStack() {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.original(Operation.WRITE, "/p", ValueFormat.PLAIN, "first");
            journal.original(Operation.WRITE, "/q", ValueFormat.PLAIN, "q");
            journal.original(Operation.WRITE, "/p", ValueFormat.PLAIN, "second");
        }
        assertThat(Journal.originals(Journal.read(dir)).values()).extracting(JournalEntry::value).containsExactly("first", "q");
    }

    @Test
    void ignoresALastLineTornByACrash() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.original(Operation.WRITE, "/p", ValueFormat.PLAIN, "1");
        }
        Files.writeString(dir.resolve(Journal.FILE), "{\"kind\":\"ORIG", StandardOpenOption.APPEND);
        assertThat(Journal.read(dir)).hasSize(1);
    }

    @Test
    void refusesADamagedLineInTheMiddleNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve(Journal.FILE), "garbage\n{\"kind\":\"END\"}\n");
        assertThatThrownBy(() -> Journal.read(dir)).isInstanceOf(JournalException.class).hasMessageContaining(Journal.FILE + ":1");
    }

    @Test
    void archivingLeavesNoActiveJournal() {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.begin("x");
        }
        Journal.archive(dir, CLOCK);
        assertThat(Journal.read(dir)).isEmpty();
        assertThat(dir.resolve("rolled-back-2026-11-25T10-00-00Z.jsonl")).exists();
    }
}
