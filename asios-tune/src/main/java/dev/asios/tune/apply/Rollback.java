package dev.asios.tune.apply;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener.Step;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restores every original in the journal, in reverse order, trying every change and reporting
 * all failures together (see {@link HostOperations#restore}). A path that already shows its
 * original (the kernel refused the change, or a crashed rollback restored it) is not touched again. When all are restored the journal is archived and no profile
 * is active; otherwise it stays, and running rollback again retries (writing an original twice is
 * harmless). Safe after a crash at any point of an apply or of an earlier rollback. Not thread-safe.
 */
public final class Rollback {

    private final HostOperations host;
    private final Path journalDir;
    private final Clock clock;
    private final ExecutionListener listener;

    /** Rolls back {@code sysroot} from the journal in {@code journalDir}. */
    public Rollback(Sysroot sysroot, Path journalDir, Clock clock, ExecutionListener listener) {
        this(HostOperations.of(sysroot), journalDir, clock, listener);
    }

    /** Rolls back through {@code host} from the journal in {@code journalDir}. */
    public Rollback(HostOperations host, Path journalDir, Clock clock, ExecutionListener listener) {
        this.host = host;
        this.journalDir = journalDir;
        this.clock = clock;
        this.listener = listener;
    }

    /** Restores everything; one outcome per change, in the order restored. Empty when nothing was active. */
    public List<Outcome> run() {
        List<JournalEntry> originals = new ArrayList<>(Journal.originals(Journal.read(journalDir)).values());
        if (originals.isEmpty()) {
            Journal.archive(journalDir, clock);
            return List.of();
        }
        List<String> created = originals.stream()
                .filter(o -> o.operation() == Operation.CREATE_CGROUP && Operation.ABSENT.equals(o.value()))
                .map(JournalEntry::path).toList();
        List<Outcome> outcomes = new ArrayList<>();
        try (Journal journal = Journal.open(journalDir, clock)) {
            for (JournalEntry original : originals.reversed()) {
                outcomes.add(restore(original, insideAny(original, created), journal));
            }
        }
        if (outcomes.stream().allMatch(Outcome::ok)) {
            Journal.archive(journalDir, clock);
        }
        return outcomes;
    }

    /**
     * Restores one change. A file inside a folder that ASIOS made is not written back: removing
     * the folder (later, as rollback runs in reverse) takes it away.
     */
    private Outcome restore(JournalEntry original, boolean insideCreated, Journal journal) {
        if (!insideCreated) {
            if (!host.showsOriginal(original)) {
                try {
                    host.restore(original);
                } catch (IOException e) {
                    return new Outcome(original.path(), original.value(), Optional.of(e.getMessage()));
                }
            }
            if (!host.showsOriginal(original)) {
                String now = host.sysroot().read(original.path()).map(String::strip).orElse("(nothing)");
                return new Outcome(original.path(), original.value(), Optional.of("reads back as '" + now + "'"));
            }
        }
        journal.restored(original.operation(), original.path());
        listener.after(Step.RESTORED, original.path());
        return new Outcome(original.path(), original.value(), Optional.empty());
    }

    private static boolean insideAny(JournalEntry original, List<String> folders) {
        return original.operation() == Operation.WRITE && folders.stream().anyMatch(folder -> original.path().startsWith(folder + "/"));
    }
}
