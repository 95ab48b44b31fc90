package dev.asios.tune.apply;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener.Step;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link Plan}: for each pending change, journals the file's original value (durably),
 * writes the desired value, reads it back to verify, and journals that it is applied. A change
 * that fails is reported and the others go on; nothing is lost, because every file that may have
 * changed has its original in the journal before it is written.
 *
 * <p>Values are written with a trailing newline, as {@code echo} writes them; the kernel accepts
 * it, and a recorded tree is restored byte for byte.
 *
 * <p>Applying on top of an active profile stacks: a file already in the journal keeps its first
 * original, so a rollback returns the host to the state before the first apply. Not thread-safe.
 */
public final class PlanExecutor {

    private final Sysroot sysroot;
    private final Path journalDir;
    private final Clock clock;
    private final ExecutionListener listener;

    /** Applies to {@code sysroot}, journaling in {@code journalDir}. */
    public PlanExecutor(Sysroot sysroot, Path journalDir, Clock clock, ExecutionListener listener) {
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.clock = clock;
        this.listener = listener;
    }

    /** Applies every pending change of {@code plan}; one outcome per change tried. */
    public List<Outcome> apply(Plan plan) {
        Set<String> journaled = Journal.originals(Journal.read(journalDir)).keySet();
        List<Outcome> outcomes = new ArrayList<>();
        try (Journal journal = Journal.open(journalDir, clock)) {
            journal.begin(plan.profile());
            for (Change change : plan.pending()) {
                outcomes.add(applyOne(change, journal, journaled.contains(change.path())));
            }
            journal.end();
        }
        return outcomes;
    }

    private Outcome applyOne(Change change, Journal journal, boolean originalKept) {
        Optional<String> now = sysroot.read(change.path());
        if (now.isEmpty()) {
            return new Outcome(change.path(), change.desired(), Optional.of("the file is gone or unreadable"));
        }
        if (!originalKept) {
            String original;
            try {
                original = change.format().effective(now.get());
            } catch (ParseException e) {
                return new Outcome(change.path(), change.desired(), Optional.of("its value cannot be understood, left alone: " + e.getMessage()));
            }
            journal.original(change.path(), change.format(), original);
        }
        listener.after(Step.JOURNALED, change.path());
        try {
            sysroot.write(change.path(), change.desired() + "\n");
        } catch (IOException e) {
            return new Outcome(change.path(), change.desired(), Optional.of(e.getMessage()));
        }
        listener.after(Step.WRITTEN, change.path());
        Optional<String> readBack = sysroot.read(change.path());
        if (readBack.isEmpty() || !change.format().shows(readBack.get(), change.desired())) {
            return new Outcome(change.path(), change.desired(),
                    Optional.of("reads back as '" + readBack.map(String::strip).orElse("(nothing)") + "'"));
        }
        journal.applied(change.path(), change.format(), change.desired());
        listener.after(Step.VERIFIED, change.path());
        return new Outcome(change.path(), change.desired(), Optional.empty());
    }
}
