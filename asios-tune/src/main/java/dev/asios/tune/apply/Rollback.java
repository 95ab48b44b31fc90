package dev.asios.tune.apply;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener.Step;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restores every original value in the journal, in reverse order, trying every file and
 * reporting all failures together. A file that already shows its original value (the kernel
 * refused the change, or a crashed rollback restored it) is not written again. When all are restored the journal is archived and no profile
 * is active; otherwise it stays, and running rollback again retries (writing an original twice is
 * harmless). Safe after a crash at any point of an apply or of an earlier rollback. Not thread-safe.
 */
public final class Rollback {

    private final Sysroot sysroot;
    private final Path journalDir;
    private final Clock clock;
    private final ExecutionListener listener;

    /** Rolls back {@code sysroot} from the journal in {@code journalDir}. */
    public Rollback(Sysroot sysroot, Path journalDir, Clock clock, ExecutionListener listener) {
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.clock = clock;
        this.listener = listener;
    }

    /** Restores everything; one outcome per file, in the order restored. Empty when nothing was active. */
    public List<Outcome> run() {
        List<JournalEntry> originals = new ArrayList<>(Journal.originals(Journal.read(journalDir)).values());
        if (originals.isEmpty()) {
            Journal.archive(journalDir, clock);
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (Journal journal = Journal.open(journalDir, clock)) {
            for (JournalEntry original : originals.reversed()) {
                outcomes.add(restore(original, journal));
            }
        }
        if (outcomes.stream().allMatch(Outcome::ok)) {
            Journal.archive(journalDir, clock);
        }
        return outcomes;
    }

    private Outcome restore(JournalEntry original, Journal journal) {
        if (!showsOriginal(original, sysroot.read(original.path()))) {
            try {
                sysroot.write(original.path(), original.value() + "\n");
            } catch (IOException e) {
                return new Outcome(original.path(), original.value(), Optional.of(e.getMessage()));
            }
        }
        Optional<String> readBack = sysroot.read(original.path());
        if (!showsOriginal(original, readBack)) {
            return new Outcome(original.path(), original.value(),
                    Optional.of("reads back as '" + readBack.map(String::strip).orElse("(nothing)") + "'"));
        }
        journal.restored(original.path());
        listener.after(Step.RESTORED, original.path());
        return new Outcome(original.path(), original.value(), Optional.empty());
    }

    /** True when the file already shows its original value (never changed, or restored before a crash). */
    private static boolean showsOriginal(JournalEntry original, Optional<String> text) {
        try {
            return text.isPresent() && original.format().shows(text.get(), original.value());
        } catch (ParseException e) {
            return false;
        }
    }
}
