package dev.asios.health.heal;

import dev.asios.health.policy.RemediationKind;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.Repair;
import dev.asios.tune.apply.TuneStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tuning drift: writes the applied value back to every file of the active profiles that no
 * longer shows it, through the tune layer's {@link Repair} (the journal keeps the first
 * originals, so a rollback still restores the host as before the first apply). Not thread-safe.
 */
final class ReapplyDrift implements Remediation {

    private final Sysroot sysroot;
    private final Path journalDir;
    private final Clock clock;
    private final List<TuneStatus.FileState> drifted;

    ReapplyDrift(Sysroot sysroot, Path journalDir, Clock clock) {
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.clock = clock;
        this.drifted = TuneStatus.read(sysroot, journalDir).drifted();
    }

    @Override
    public RemediationKind kind() {
        return RemediationKind.REAPPLY_DRIFT;
    }

    @Override
    public String subject() {
        return "tuning";
    }

    @Override
    public String describe() {
        return drifted.isEmpty() ? "nothing drifted" : "re-apply " + drifted.size() + " drifted setting" + (drifted.size() == 1 ? "" : "s") + ": " + states();
    }

    @Override
    public RemediationResult apply() {
        List<Outcome> outcomes = new Repair(sysroot, journalDir, clock, ExecutionListener.NONE).run();
        return RemediationResult.of(states(), outcomes, "asios tune rollback --journal " + journalDir);
    }

    private String states() {
        return drifted.stream().map(f -> f.path() + ": " + f.current().orElse("unreadable") + " (applied " + f.applied() + ")")
                .collect(Collectors.joining("; "));
    }
}
