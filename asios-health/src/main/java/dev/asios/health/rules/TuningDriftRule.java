package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.apply.TuneStatus.FileState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@value #ID}: a setting of the applied tuning profile that the host no longer shows, as the
 * tune layer's {@link TuneStatus} tells it (what the agent's {@code /api/v1/tuning} and
 * {@code asios tune status} show). Checked every {@code interval}; the settings come from a
 * supplier, {@link #fromJournal} in the agent. Subject {@code host}, one finding per setting
 * (its path); the remediation is to apply the drifted settings again.
 */
public final class TuningDriftRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "tuning-drift";
    /** By default: a check every 2 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /**
     * By default: fire on the second check in a row that sees the drift (not while an apply is
     * writing), clear on the first that does not.
     */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(2, 1);

    private final Supplier<List<FileState>> driftedSettings;

    /**
     * A rule over the drifted settings {@code driftedSettings} lists.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public TuningDriftRule(Supplier<List<FileState>> driftedSettings, Duration interval, Hysteresis hysteresis) {
        super(ID, hysteresis, "tuning drift check interval", interval);
        this.driftedSettings = driftedSettings;
    }

    /** The drifted settings of the profiles applied on {@code sysroot}, journaled in {@code journalDir}. */
    public static Supplier<List<FileState>> fromJournal(Sysroot sysroot, Path journalDir) {
        return () -> TuneStatus.read(sysroot, journalDir).drifted();
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        for (FileState drifted : driftedSettings.get()) {
            String now = drifted.current().map(value -> "is '" + value + "'").orElse("is gone or unreadable");
            symptoms.add(new Symptom("host", drifted.path(), Severity.WARNING,
                    drifted.path() + " " + now + "; the applied profile set '" + drifted.applied() + "' (" + drifted.operation().name().toLowerCase(Locale.ROOT)
                            + ", '" + drifted.original() + "' before)",
                    Optional.of(RemediationKind.REAPPLY_DRIFT),
                    Map.of("path", drifted.path(), "operation", drifted.operation().name(), "applied", drifted.applied(),
                            "current", drifted.current().orElse(""), "original", drifted.original())));
        }
        return symptoms;
    }
}
