package dev.asios.health.rules;

import dev.asios.health.signal.SignalRound;
import java.util.List;

/**
 * A rule for one known cause of trouble, checked each round next to the learned detector. It
 * reports what it sees wrong now as {@link Symptom}s; the {@link RuleEngine} applies its
 * {@link Hysteresis} per symptom key and makes findings. A rule that reads many files (a scan)
 * checks only every few rounds: {@link #due} says when.
 *
 * <p>Called from one thread, the engine's; an implementation may keep state between checks.
 */
public interface KnownCauseRule {

    /** A short lower-case id, such as {@code swap-in-storm}; stable, it keys findings. */
    String id();

    /** When symptoms become findings and findings clear. */
    Hysteresis hysteresis();

    /** Whether the rule checks in the round of {@code epochMs}; by default every round. */
    default boolean due(long epochMs) {
        return true;
    }

    /**
     * Checks the round: every symptom seen now, one per key; a key not reported is good.
     *
     * @throws Exception if the check could not be made (a file unreadable); the engine reports it
     *     and keeps the rule's findings as they were
     */
    List<Symptom> check(SignalRound round) throws Exception;
}
