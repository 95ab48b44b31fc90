package dev.asios.health.adapt;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.JournalKey;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes adaptive settings through the tuning journal, as one-change plans of the profile
 * {@value #PROFILE}: the executor journals the original before the first write and reads every
 * write back, so {@code asios tune rollback} restores the host. Reverting one change writes its
 * journaled original back as another journaled change, which leaves the journal's applied value
 * equal to the host's (no drift) and every other change in force. Not thread-safe.
 */
final class AdaptJournal {

    /** The profile name adaptive changes are journaled under. */
    static final String PROFILE = "asios-adapt";

    private final Sysroot sysroot;
    private final Path journalDir;
    private final Clock clock;

    AdaptJournal(Sysroot sysroot, Path journalDir, Clock clock) {
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.clock = clock;
    }

    /**
     * Writes {@code desired} to {@code path}, journaled. An outcome with an error when the kernel
     * refused it or it reads back otherwise (the original is journaled all the same).
     *
     * @throws dev.asios.tune.journal.JournalException if the journal cannot be written (nothing changed then)
     */
    Outcome write(String tunable, String path, ValueFormat format, String current, String desired, String reason) {
        Change change = new Change(tunable, Operation.WRITE, path, format, current, desired, reason);
        if (change.alreadyDone()) {
            return new Outcome(path, desired, Optional.empty());
        }
        return new PlanExecutor(sysroot, journalDir, clock, ExecutionListener.NONE).apply(new Plan(PROFILE, List.of(change), List.of())).getFirst();
    }

    /**
     * Writes back the journaled original of {@code path}, journaled; an outcome with an error when
     * the journal has none (it was rolled back meanwhile: nothing to revert) or the kernel refused.
     */
    Outcome restore(String tunable, String path, ValueFormat format, String current, String reason) {
        JournalEntry original = Journal.originals(Journal.read(journalDir)).get(JournalKey.of(Operation.WRITE, path));
        if (original == null) {
            return new Outcome(path, current, Optional.of("the tuning journal " + journalDir + " holds no original of it (rolled back already?)"));
        }
        return write(tunable, path, format, current, format.effective(original.value()), reason);
    }

    /**
     * Whether a profile other than {@value #PROFILE} journaled a change of {@code path} since the
     * last rollback: the profile chose that value, and its choice wins.
     */
    boolean setByProfile(String path) {
        String key = JournalKey.of(Operation.WRITE, path);
        String profile = null;
        for (JournalEntry entry : Journal.read(journalDir)) {
            if (entry.kind() == JournalEntry.Kind.BEGIN) {
                profile = entry.profile();
            } else if ((entry.kind() == JournalEntry.Kind.ORIGINAL || entry.kind() == JournalEntry.Kind.APPLIED) && entry.key().equals(key)
                    && !PROFILE.equals(profile)) {
                return true;
            }
        }
        return false;
    }

    /** The value {@code path} shows now, in the format's canonical form; empty when it cannot be read or understood. */
    Optional<String> current(String path, ValueFormat format) {
        try {
            return sysroot.read(path).map(format::effective);
        } catch (dev.asios.host.parse.ParseException e) {
            return Optional.empty();
        }
    }

    /** How an operator undoes every adaptive change. */
    String undo() {
        return "asios tune rollback --journal " + journalDir;
    }
}
