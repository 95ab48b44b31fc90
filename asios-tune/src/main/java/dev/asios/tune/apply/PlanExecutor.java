package dev.asios.tune.apply;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener.Step;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link Plan}: for each pending change, journals the original state (durably), makes
 * the change (see {@link HostOperations}), reads it back to verify, and journals that it is applied. A change
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

    private final HostOperations host;
    private final Path journalDir;
    private final Clock clock;
    private final ExecutionListener listener;

    /** Applies to {@code sysroot}, journaling in {@code journalDir}. */
    public PlanExecutor(Sysroot sysroot, Path journalDir, Clock clock, ExecutionListener listener) {
        this(HostOperations.of(sysroot), journalDir, clock, listener);
    }

    /** Applies through {@code host}, journaling in {@code journalDir}. */
    public PlanExecutor(HostOperations host, Path journalDir, Clock clock, ExecutionListener listener) {
        this.host = host;
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
                outcomes.add(applyOne(change, journal, journaled.contains(change.key())));
            }
            journal.end();
        }
        return outcomes;
    }

    private Outcome applyOne(Change change, Journal journal, boolean originalKept) {
        Optional<String> now;
        try {
            now = host.state(change.operation(), change.path(), change.format(), change.desired());
        } catch (ParseException e) {
            return failed(change, "its value cannot be understood, left alone: " + e.getMessage());
        }
        if (now.isEmpty()) {
            return failed(change, "it is gone or unreadable");
        }
        if (!originalKept) {
            journal.original(change.operation(), change.path(), change.format(), host.original(change.operation(), now.get(), change.desired()));
        }
        listener.after(Step.JOURNALED, change.path());
        List<Long> moved;
        try {
            moved = host.apply(change.operation(), change.path(), change.format(), change.desired());
        } catch (IOException e) {
            return failed(change, e.getMessage());
        }
        listener.after(Step.WRITTEN, change.path());
        Optional<String> after;
        try {
            after = host.state(change.operation(), change.path(), change.format(), change.desired());
        } catch (ParseException e) {
            after = Optional.empty();
        }
        if (after.isEmpty() || !change.format().shows(after.get(), change.desired())) {
            return failed(change, "reads back as '" + after.orElse("(nothing)") + "'");
        }
        journal.applied(change.operation(), change.path(), change.format(), change.desired(),
                change.operation() == Operation.MOVE_TASKS ? moved : null);
        listener.after(Step.VERIFIED, change.path());
        return new Outcome(change.path(), change.desired(), Optional.empty());
    }

    private static Outcome failed(Change change, String why) {
        return new Outcome(change.path(), change.desired(), Optional.of(why));
    }
}
