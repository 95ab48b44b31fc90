package dev.asios.observe.restart;

import java.time.Instant;

/**
 * Asked before something that stopped is restarted, by the eBPF probe supervisor (on the probe's
 * own thread) and by the collector loop (on the loop's thread, so an implementation must answer
 * at once: it may not wait on I/O). A refused restart is asked again at the answer's retry time,
 * and stays stopped until then. {@link #ALWAYS} lets every restart happen after its backoff.
 *
 * <p>Implementations must be thread-safe: several probes and the loop may ask at once. An
 * implementation that throws is treated as {@link #ALWAYS} for that stop.
 */
@FunctionalInterface
public interface RestartPermit {

    /** Allows every restart, after its backoff; reports nothing. */
    RestartPermit ALWAYS = stop -> Answer.ALLOWED;

    /**
     * Whether {@code stop} may be restarted after {@code stop.backoff()}.
     *
     * @return allowed, or refused until a time
     */
    Answer beforeRestart(Stop stop);

    /** {@code permit}'s answer for {@code stop}, or {@link Answer#ALLOWED} if it throws. */
    static Answer ask(RestartPermit permit, Stop stop) {
        try {
            return permit.beforeRestart(stop);
        } catch (RuntimeException e) {
            return Answer.ALLOWED;
        }
    }

    /**
     * A permit's answer.
     *
     * @param allowed whether the restart may happen after the backoff
     * @param retryAtEpochMs for a refusal: when to ask again, ms since the epoch; 0 when allowed
     * @param why for a refusal: why, in one line (the limit that was hit); empty when allowed
     */
    record Answer(boolean allowed, long retryAtEpochMs, String why) {

        /** The restart may happen. */
        public static final Answer ALLOWED = new Answer(true, 0, "");

        /**
         * Checks that a refusal, and only a refusal, has a retry time.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Answer {
            if (allowed != (retryAtEpochMs == 0)) {
                throw new IllegalArgumentException("a " + (allowed ? "permitted" : "refused") + " restart " + (allowed ? "has no" : "needs a") + " retry time");
            }
        }

        /** Refused until {@code retryAtEpochMs} (ms since the epoch), for {@code why}. */
        public static Answer refusedUntil(long retryAtEpochMs, String why) {
            return new Answer(false, retryAtEpochMs, why);
        }

        /** The refusal in one line, for a status: "restart refused until T: why". */
        public String describe() {
            return allowed ? "restart allowed" : "restart refused until " + Instant.ofEpochMilli(retryAtEpochMs) + ": " + why;
        }
    }
}
