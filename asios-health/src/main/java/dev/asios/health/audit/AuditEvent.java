package dev.asios.health.audit;

import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.RemediationKind;
import java.util.Objects;

/**
 * One entry of the audit log: who did or found what, to what, why, and with what result. The log
 * gives it its sequence number and time when it is appended; callers build it with
 * {@link #builder}. Immutable.
 *
 * @param sequence the log's number for it: 1, 2, 3, ... with no gaps, across rotated files
 * @param epochMs when it was appended, ms since the epoch
 * @param actor who acted or found it: {@value #HEAL}, {@value #AUDIT}, {@value #OPERATOR}, ...
 * @param type what it records
 * @param subject what it is about: {@code cpu/3}, {@code irq/42}, {@code run/train-7}, {@code sysctl vm.swappiness}
 * @param why the evidence, in words
 * @param remediation the remediation it concerns, or null for an event that concerns none
 * @param before the state before the action, or null
 * @param after the state after it, or null
 * @param mode the heal mode it happened under, or null where no mode applies
 * @param undoRef what undoes it (the tuning journal's entry, the run's id), or null
 * @param outcome the result in words, or null
 */
public record AuditEvent(long sequence, long epochMs, String actor, AuditEventType type, String subject, String why, RemediationKind remediation,
        AuditValue before, AuditValue after, HealMode mode, String undoRef, String outcome) {

    /** The actor of the agent's self-healing. */
    public static final String HEAL = "asios-heal";
    /** The actor of the audit log itself (for {@link AuditEventType#LOG_DAMAGED}). */
    public static final String AUDIT = "asios-audit";
    /** The actor of what an operator did through the CLI or the API. */
    public static final String OPERATOR = "operator";

    /** The longest actor. */
    static final int MAX_ACTOR_CHARS = 64;

    /**
     * Checks the values.
     *
     * @throws NullPointerException if a required value is null
     * @throws IllegalArgumentException if the sequence is not positive, or the actor, subject or
     *     why is blank, or the actor is longer than 64 characters or holds a control character
     */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        actor = AuditText.wellFormed(actor);
        subject = AuditText.wellFormed(subject);
        why = AuditText.wellFormed(why);
        undoRef = undoRef == null ? null : AuditText.wellFormed(undoRef);
        outcome = outcome == null ? null : AuditText.wellFormed(outcome);
        if (sequence < 1 || actor.isBlank() || subject.isBlank() || why.isBlank()) {
            throw new IllegalArgumentException("an audit event needs a sequence >= 1, an actor, a subject and a why; given " + sequence + ", '" + actor
                    + "', '" + subject + "', '" + why + "'");
        }
        if (actor.length() > MAX_ACTOR_CHARS || actor.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an audit actor is a short name without control characters, given '" + actor + "'");
        }
    }

    /** A new event of {@code type} by {@code actor} about {@code subject}, because of {@code why}. */
    public static Builder builder(String actor, AuditEventType type, String subject, String why) {
        return new Builder(actor, type, subject, why);
    }

    /**
     * An event before the log numbered it: the required fields, and the optional ones set as
     * needed. Not thread-safe; {@link AuditLog#append} takes it and returns the numbered event.
     */
    public static final class Builder {

        private final String actor;
        private final AuditEventType type;
        private final String subject;
        private final String why;
        private RemediationKind remediation;
        private AuditValue before;
        private AuditValue after;
        private HealMode mode;
        private String undoRef;
        private String outcome;

        private Builder(String actor, AuditEventType type, String subject, String why) {
            this.actor = actor;
            this.type = type;
            this.subject = subject;
            this.why = why;
        }

        /** The remediation it concerns. */
        public Builder remediation(RemediationKind kind) {
            this.remediation = kind;
            return this;
        }

        /** The state before: {@code AuditValue.of("60")}, {@code AuditValue.of(Map.of("cpu.weight", "100"))}. */
        public Builder before(AuditValue value) {
            this.before = value;
            return this;
        }

        /** The state after. */
        public Builder after(AuditValue value) {
            this.after = value;
            return this;
        }

        /** The heal mode it happened under. */
        public Builder mode(HealMode healMode) {
            this.mode = healMode;
            return this;
        }

        /** What undoes it: the tuning journal's entry, a run id. */
        public Builder undoRef(String reference) {
            this.undoRef = reference;
            return this;
        }

        /** The result in words. */
        public Builder outcome(String text) {
            this.outcome = text;
            return this;
        }

        /**
         * The event with its number and time.
         *
         * @throws IllegalArgumentException as {@link AuditEvent}'s constructor does
         */
        AuditEvent build(long sequence, long epochMs) {
            return new AuditEvent(sequence, epochMs, actor, type, subject, why, remediation, before, after, mode, undoRef, outcome);
        }
    }
}
