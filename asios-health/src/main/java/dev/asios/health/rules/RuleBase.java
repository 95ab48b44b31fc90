package dev.asios.health.rules;

import java.time.Duration;

/**
 * What the rules of this package share: an id, a hysteresis and, for a rule that checks every few
 * rounds (a scan), its schedule. Not thread-safe, as the rules are not.
 */
abstract class RuleBase implements KnownCauseRule {

    private final String id;
    private final Hysteresis hysteresis;
    private final Every every;

    /** A rule checked every round. */
    RuleBase(String id, Hysteresis hysteresis) {
        this.id = id;
        this.hysteresis = hysteresis;
        this.every = null;
    }

    /**
     * A rule checked every {@code interval}.
     *
     * @param intervalSetting the interval's setting name, for the error
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    RuleBase(String id, Hysteresis hysteresis, String intervalSetting, Duration interval) {
        this.id = id;
        this.hysteresis = hysteresis;
        this.every = new Every(intervalSetting, interval);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Hysteresis hysteresis() {
        return hysteresis;
    }

    @Override
    public final boolean due(long epochMs) {
        return every == null || every.due(epochMs);
    }

    /** {@code " in the last 5.0 s"}: the time since the check before this one, or nothing if unknown. */
    final String sincePreviousCheck() {
        return every == null || every.elapsedMs() < 0 ? "" : " in the last " + Evidence.seconds(every.elapsedMs());
    }
}
