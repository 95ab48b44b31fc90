package dev.asios.health.rules;

import dev.asios.health.signal.SignalRound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the known-cause rules each round and turns their symptoms into findings with each rule's
 * {@link Hysteresis}: a symptom key bad in {@code fireAfter} checks in a row becomes a finding
 * that started at the first of them; an active finding takes the evidence of each later bad
 * check, and clears after {@code clearAfter} good checks in a row. A rule that is not due this
 * round keeps its state. A rule whose check throws is reported in the round's failures and keeps
 * its findings; the other rules go on.
 *
 * <p>Not thread-safe: one thread calls {@link #evaluate}, the collector loop's.
 */
public final class RuleEngine {

    private final List<KnownCauseRule> rules;
    private final Map<String, Map<String, Track>> tracksByRule = new HashMap<>();

    /**
     * An engine over {@code rules}, checked in this order.
     *
     * @throws IllegalArgumentException if two rules share an id
     */
    public RuleEngine(List<KnownCauseRule> rules) {
        Set<String> ids = new HashSet<>();
        for (KnownCauseRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two known-cause rules have the id " + rule.id());
            }
            tracksByRule.put(rule.id(), new LinkedHashMap<>());
        }
        this.rules = List.copyOf(rules);
    }

    /** The rules, in order. */
    public List<KnownCauseRule> rules() {
        return rules;
    }

    /** Checks the rules that are due in {@code round} and reports the findings. */
    public RuleReport evaluate(SignalRound round) {
        List<RuleFinding> started = new ArrayList<>();
        List<RuleFinding> cleared = new ArrayList<>();
        List<RuleReport.RuleFailure> failures = new ArrayList<>();
        for (KnownCauseRule rule : rules) {
            if (!rule.due(round.epochMs())) {
                continue;
            }
            List<Symptom> symptoms;
            try {
                symptoms = rule.check(round);
            } catch (Exception e) {
                failures.add(new RuleReport.RuleFailure(rule.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            apply(rule, symptoms, round.epochMs(), started, cleared);
        }
        return new RuleReport(round.epochMs(), active(), started, cleared, failures);
    }

    /** The findings active now, by rule in order. */
    public List<RuleFinding> active() {
        List<RuleFinding> active = new ArrayList<>();
        for (KnownCauseRule rule : rules) {
            for (Track track : tracksByRule.get(rule.id()).values()) {
                if (track.finding != null) {
                    active.add(track.finding);
                }
            }
        }
        return active;
    }

    private void apply(KnownCauseRule rule, List<Symptom> symptoms, long epochMs, List<RuleFinding> started, List<RuleFinding> cleared) {
        Map<String, Track> tracks = tracksByRule.get(rule.id());
        Set<String> bad = new HashSet<>();
        for (Symptom symptom : symptoms) {
            if (!bad.add(symptom.key())) {
                continue;
            }
            Track track = tracks.computeIfAbsent(symptom.key(), key -> new Track());
            if (track.badChecks++ == 0) {
                track.streakStartMs = epochMs;
            }
            track.goodChecks = 0;
            if (track.finding != null) {
                track.finding = RuleFinding.of(rule.id(), symptom, track.finding.startedAtMs());
            } else if (track.badChecks >= rule.hysteresis().fireAfter()) {
                track.finding = RuleFinding.of(rule.id(), symptom, track.streakStartMs);
                started.add(track.finding);
            }
        }
        for (Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Track> entry = it.next();
            if (bad.contains(entry.getKey())) {
                continue;
            }
            Track track = entry.getValue();
            track.badChecks = 0;
            if (track.finding == null) {
                it.remove();
            } else if (++track.goodChecks >= rule.hysteresis().clearAfter()) {
                cleared.add(track.finding.endedAt(epochMs));
                it.remove();
            }
        }
    }

    /** The state of one symptom key of one rule. */
    private static final class Track {
        private int badChecks;
        private int goodChecks;
        private long streakStartMs;
        private RuleFinding finding;
    }
}
