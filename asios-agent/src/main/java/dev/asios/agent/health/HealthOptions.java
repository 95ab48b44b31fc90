package dev.asios.agent.health;

import dev.asios.health.policy.HealMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the agent heals: the policy file (the built-in policy without one), a mode that overrides
 * the file's, and the profile kept in force.
 *
 * @param policyFile the heal policy; empty for the built-in one (dry-run)
 * @param mode overrides the policy's mode ({@code --heal}); empty to keep it
 * @param profile a tuning profile to apply at start, unless it is active already, and keep in
 *     force (its drift is healed under the policy)
 * @param profilesDir where profiles other than the built-in ones are looked up
 * @param retryAfter how long a finding that stays active waits before it is proposed again
 */
public record HealthOptions(Optional<Path> policyFile, Optional<HealMode> mode, Optional<String> profile, Path profilesDir, Duration retryAfter) {

    /** The built-in policy in its own mode, no profile, profiles from {@code /etc/asios/profiles}, retried every 30 s. */
    public static final HealthOptions DEFAULTS = new HealthOptions(Optional.empty(), Optional.empty(), Optional.empty(), Path.of("/etc/asios/profiles"),
            Duration.ofSeconds(30));
}
