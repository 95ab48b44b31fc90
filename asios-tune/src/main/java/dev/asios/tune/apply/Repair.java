package dev.asios.tune.apply;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.JournalKey;
import dev.asios.tune.plan.Plan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Re-applies what drifted: every file of the active profiles that no longer shows its applied
 * value is written again through the {@link PlanExecutor}, so the journal keeps the first
 * originals and a rollback still restores the host as it was before the first apply.
 */
public final class Repair {

    private final HostOperations host;
    private final Path journalDir;
    private final Clock clock;
    private final ExecutionListener listener;

    /** Repairs {@code sysroot} from the journal in {@code journalDir}. */
    public Repair(Sysroot sysroot, Path journalDir, Clock clock, ExecutionListener listener) {
        this(HostOperations.of(sysroot), journalDir, clock, listener);
    }

    /** Repairs through {@code host} from the journal in {@code journalDir}. */
    public Repair(HostOperations host, Path journalDir, Clock clock, ExecutionListener listener) {
        this.host = host;
        this.journalDir = journalDir;
        this.clock = clock;
        this.listener = listener;
    }

    /** Re-applies every drifted change; one outcome each, none when nothing drifted or nothing is active. */
    public List<Outcome> run() {
        TuneStatus status = TuneStatus.read(host, journalDir);
        if (status.inactive() || status.drifted().isEmpty()) {
            return List.of();
        }
        Map<String, JournalEntry> applied = Journal.applied(Journal.read(journalDir));
        List<Change> changes = status.drifted().stream()
                .map(f -> new Change("repair", f.operation(), f.path(), applied.get(JournalKey.of(f.operation(), f.path())).format(),
                        f.current().orElse(""), f.applied(), "drifted from the applied value"))
                .toList();
        return new PlanExecutor(host, journalDir, clock, listener).apply(new Plan(status.profiles().getLast(), changes, List.of()));
    }
}
