package dev.asios.agent.health;

import dev.asios.health.policy.HealPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the agent heals: the heal policy (loaded and checked before the agent starts, with the mode
 * of {@code --heal} applied), and the profile kept in force.
 *
 * @param policy the heal policy in force
 * @param profile a tuning profile to apply at start, unless it is active already, and keep in
 *     force (its drift is healed under the policy)
 * @param profilesDir where profiles other than the built-in ones are looked up
 * @param retryAfter how long a finding that stays active waits before it is proposed again
 * @param recordSignals a folder where every signal group's rounds are written as labelled traces
 *     ({@link dev.asios.health.anomaly.trace.SignalTraceWriter}); empty: none written
 */
public record HealthOptions(HealPolicy policy, Optional<String> profile, Path profilesDir, Duration retryAfter, Optional<Path> recordSignals) {

    /** Where {@code asios tune} looks for profiles other than the built-in ones. */
    public static final Path PROFILES_DIR = Path.of("/etc/asios/profiles");

    /** How long an active finding waits before it is proposed again: 30 s. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** The built-in policy (dry-run), no profile. */
    public static final HealthOptions DEFAULTS = new HealthOptions(HealPolicy.builtIn(), Optional.empty(), PROFILES_DIR, RETRY_AFTER);

    /** The options without recording signal traces. */
    public HealthOptions(HealPolicy policy, Optional<String> profile, Path profilesDir, Duration retryAfter) {
        this(policy, profile, profilesDir, retryAfter, Optional.empty());
    }
}
