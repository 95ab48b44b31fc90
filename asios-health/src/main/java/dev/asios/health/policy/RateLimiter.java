package dev.asios.health.policy;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory of recent remediations that rate limits and cooldowns are checked against: for each
 * kind and subject, and for each kind overall, the times of the last actions. Time is given by
 * the caller in every call (ms since the epoch), so tests drive it as a fake clock; a clock that
 * steps back only makes the limiter stricter until it catches up.
 *
 * <p>Subjects come and go (processes, runs), so their memory is dropped once no limit or cooldown
 * can need it any more. Thread-safe: every call is atomic, so two callers can never both take the
 * last action a limit allows.
 */
public final class RateLimiter {

    /** Below this many remembered subjects, nothing is pruned. */
    private static final int PRUNE_FLOOR = 1024;

    private final Map<SubjectKey, Window> subjects = new HashMap<>();
    private final Map<RemediationKind, Window> kinds = new EnumMap<>(RemediationKind.class);
    private int pruneAbove = PRUNE_FLOOR;

    /** Why an action was or was not admitted. */
    public enum Outcome {
        /** Within every limit: the action is counted. */
        ADMITTED,
        /** The subject's last action is more recent than the cooldown. */
        COOLDOWN,
        /** The subject's own limit is used up. */
        SUBJECT_LIMIT,
        /** The kind's overall limit is used up. */
        OVERALL_LIMIT
    }

    /**
     * The limiter's answer.
     *
     * @param outcome admitted, or why not
     * @param retryAtEpochMs for a refusal, when the same action can first be admitted; 0 when admitted
     * @param repeated for a refusal, whether the previous answer for this kind and subject was the same refusal with the same retry time
     */
    public record Admission(Outcome outcome, long retryAtEpochMs, boolean repeated) {

        /** Whether the action was admitted (and counted). */
        public boolean admitted() {
            return outcome == Outcome.ADMITTED;
        }
    }

    /**
     * Admits and counts an action of {@code rule}'s kind on {@code subject} at {@code nowEpochMs}
     * if the cooldown is over and both the subject's and the kind's limits allow it, else answers
     * why not and until when, counting nothing. Whether the rule is enabled is not looked at.
     */
    public synchronized Admission admit(RemediationRule rule, String subject, long nowEpochMs) {
        pruneIfLarge(nowEpochMs);
        Window subjectWindow = subjects.computeIfAbsent(new SubjectKey(rule.kind(), subject), key -> new Window());
        Window kindWindow = kinds.computeIfAbsent(rule.kind(), key -> new Window());
        long cooldownMs = rule.cooldown().toMillis();
        long retryAt;
        Outcome outcome;
        if (cooldownMs > 0 && !subjectWindow.times.isEmpty() && nowEpochMs < subjectWindow.times.peekLast() + cooldownMs) {
            outcome = Outcome.COOLDOWN;
            retryAt = subjectWindow.times.peekLast() + cooldownMs;
        } else if ((retryAt = subjectWindow.fullUntil(rule.perSubject(), nowEpochMs)) > nowEpochMs) {
            outcome = Outcome.SUBJECT_LIMIT;
        } else if ((retryAt = kindWindow.fullUntil(rule.overall(), nowEpochMs)) > nowEpochMs) {
            outcome = Outcome.OVERALL_LIMIT;
        } else {
            long forgetAt = nowEpochMs + rule.memory().toMillis();
            subjectWindow.count(nowEpochMs, rule.perSubject().max(), forgetAt);
            kindWindow.count(nowEpochMs, rule.overall().max(), forgetAt);
            return new Admission(Outcome.ADMITTED, 0, false);
        }
        return new Admission(outcome, retryAt, subjectWindow.refuse(outcome, retryAt));
    }

    /** How many subjects are remembered, for tests of the pruning. */
    synchronized int subjectsRemembered() {
        return subjects.size();
    }

    private void pruneIfLarge(long nowEpochMs) {
        if (subjects.size() > pruneAbove) {
            subjects.values().removeIf(window -> window.forgetAtEpochMs <= nowEpochMs);
            pruneAbove = Math.max(PRUNE_FLOOR, 2 * subjects.size());
        }
    }

    private record SubjectKey(RemediationKind kind, String subject) {
    }

    /** The times of the last actions, at most as many as the limit allows, oldest first. */
    private static final class Window {

        final ArrayDeque<Long> times = new ArrayDeque<>();
        long forgetAtEpochMs;
        Outcome lastRefusal;
        long lastRefusalRetryAtMs;

        /** When the window has room again: at or before now when it has room now. */
        long fullUntil(RateLimit limit, long nowEpochMs) {
            while (times.size() > limit.max()) {
                times.pollFirst();
            }
            if (times.size() < limit.max()) {
                return nowEpochMs;
            }
            return times.peekFirst() + limit.per().toMillis();
        }

        void count(long nowEpochMs, int max, long forgetAt) {
            times.addLast(nowEpochMs);
            while (times.size() > max) {
                times.pollFirst();
            }
            forgetAtEpochMs = Math.max(forgetAtEpochMs, forgetAt);
            lastRefusal = null;
        }

        /** Remembers a refusal; whether it repeats the previous answer. */
        boolean refuse(Outcome outcome, long retryAtMs) {
            boolean repeated = outcome == lastRefusal && retryAtMs == lastRefusalRetryAtMs;
            lastRefusal = outcome;
            lastRefusalRetryAtMs = retryAtMs;
            forgetAtEpochMs = Math.max(forgetAtEpochMs, retryAtMs);
            return repeated;
        }
    }
}
