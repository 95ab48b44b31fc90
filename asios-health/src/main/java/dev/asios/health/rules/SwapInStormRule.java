package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalNames.Host;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: pages read in from swap at or above a rate, round after round ({@code host/all}
 * {@code swap_in_pages_per_second}). A job whose working set was pushed out stalls on every page
 * it reads back; the remediation is to hold back the run that pushes memory out. Subject
 * {@code host}; NaN (the first round) is not bad.
 */
public final class SwapInStormRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "swap-in-storm";
    /** By default: 1000 pages (4 MiB of 4 KiB pages) per second. */
    public static final double DEFAULT_PAGES_PER_SECOND = 1000;
    /** By default: 5 rounds in a row to fire, 10 quiet ones to clear. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(5, 10);

    private final double thresholdPagesPerSecond;

    /**
     * A storm at {@code thresholdPagesPerSecond} or more.
     *
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public SwapInStormRule(double thresholdPagesPerSecond, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.thresholdPagesPerSecond = Evidence.positive("swap-in storm threshold (pages per second)", thresholdPagesPerSecond);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        double pages = round.value(Host.ID, Host.SWAP_IN_PAGES_PER_SECOND);
        if (!(pages >= thresholdPagesPerSecond)) {
            return List.of();
        }
        double available = round.value(Host.ID, Host.MEMORY_AVAILABLE_RATIO);
        double majorFaults = round.value(Host.ID, Host.MAJOR_PAGE_FAULTS_PER_SECOND);
        String evidence = "swap-in at " + Evidence.number(pages, 0) + " pages/s (threshold " + Evidence.number(thresholdPagesPerSecond, 0) + ")"
                + (Double.isNaN(available) ? "" : "; memory available " + Evidence.percent(available))
                + (Double.isNaN(majorFaults) ? "" : "; " + Evidence.number(majorFaults, 0) + " major faults/s");
        return List.of(new Symptom("host", "", Severity.WARNING, evidence, Optional.of(RemediationKind.THROTTLE_NOISY_NEIGHBOUR),
                Map.of("swap_in_pages_per_second", Evidence.number(pages, 1))));
    }
}
