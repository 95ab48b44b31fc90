package dev.asios.health.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the policy allows of one remediation kind. An action on a subject (a CPU, a run, a device)
 * is allowed when the kind is enabled, the subject's last action is longer ago than the
 * cooldown, and neither the subject's nor the kind's rate limit is used up.
 *
 * @param kind the remediation
 * @param enabled whether it may be carried out (or reported, in dry-run) at all
 * @param perSubject the limit for each subject
 * @param overall the limit for all subjects together
 * @param cooldown the least time between two actions on one subject, 0 to 7 days
 * @param parameters the kind's own settings, of the type its kind has
 */
public record RemediationRule(RemediationKind kind, boolean enabled, RateLimit perSubject, RateLimit overall, Duration cooldown,
        RemediationParameters parameters) {

    /** The longest cooldown. */
    public static final Duration MAX_COOLDOWN = Duration.ofDays(7);

    /**
     * Checks the values.
     *
     * @throws NullPointerException for a missing value
     * @throws IllegalArgumentException for a cooldown out of 0..7 days
     */
    public RemediationRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(perSubject, "perSubject");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(parameters, "parameters");
        if (cooldown.isNegative() || cooldown.compareTo(MAX_COOLDOWN) > 0) {
            throw new IllegalArgumentException(kind.wireName() + ": cooldown must be 0s..7d, given " + DurationText.format(cooldown));
        }
    }

    /** How long the limiter must remember an action: the longest of the windows and the cooldown. */
    Duration memory() {
        Duration longest = perSubject.per().compareTo(overall.per()) >= 0 ? perSubject.per() : overall.per();
        return longest.compareTo(cooldown) >= 0 ? longest : cooldown;
    }

    /** One line: {@code enabled; 3 per 10m per subject, 20 per 10m overall; cooldown 30s}. */
    public String summary() {
        return (enabled ? "enabled" : "disabled") + "; " + perSubject + " per subject, " + overall + " overall; cooldown "
                + DurationText.format(cooldown);
    }
}
