package dev.asios.health.heal;

import dev.asios.health.policy.RemediationKind;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Remediations that are a few file changes, applied as one plan of the {@value #PROFILE}
 * profile: the executor journals each original first, writes, and reads back, so
 * {@code asios tune rollback} restores them (with any profile applied before). Not thread-safe.
 */
final class JournaledChanges implements Remediation {

    /** The profile name the healer's changes are journaled under. */
    static final String PROFILE = "asios-heal";

    private final RemediationKind kind;
    private final String subject;
    private final List<Change> changes;
    private final Sysroot sysroot;
    private final Path journalDir;
    private final Clock clock;

    JournaledChanges(RemediationKind kind, String subject, List<Change> changes, Sysroot sysroot, Path journalDir, Clock clock) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException(kind.wireName() + " of " + subject + " has no change to make");
        }
        this.kind = kind;
        this.subject = subject;
        this.changes = List.copyOf(changes);
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.clock = clock;
    }

    @Override
    public RemediationKind kind() {
        return kind;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String describe() {
        return changes.stream().map(c -> c.path() + ": " + c.current() + " -> " + c.desired() + " (" + c.reason() + ")")
                .collect(Collectors.joining("; "));
    }

    @Override
    public RemediationResult apply() {
        List<Outcome> outcomes = new PlanExecutor(sysroot, journalDir, clock, ExecutionListener.NONE).apply(new Plan(PROFILE, changes, List.of()));
        String before = changes.stream().map(c -> c.path() + ": " + c.current()).collect(Collectors.joining("; "));
        return RemediationResult.of(before, outcomes, "asios tune rollback --journal " + journalDir);
    }
}
