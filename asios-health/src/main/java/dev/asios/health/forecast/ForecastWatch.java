package dev.asios.health.forecast;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Forecasts many targets for the agent: each registered with its recorded history, fed every
 * round, its forecast and {@link ExhaustionFinding} remade once per completed step (one a minute
 * by default) and whenever its limit changes.
 *
 * <p>Thread-safety: every method may be called from any thread. Feeding a target locks that
 * target only, so the collector loop can feed targets while another thread registers a new one
 * (a start replays hours of history and costs seconds) or reads. Reads ({@link #forecast},
 * {@link #finding}, {@link #findings}) never wait for a forecast being made: they return the last
 * one published.
 */
public final class ForecastWatch {

    /** Most urgent first: by status, then the sooner time to the limit, then the id. */
    private static final Comparator<ExhaustionFinding> URGENCY = Comparator.comparing(ExhaustionFinding::status)
            .thenComparingDouble(f -> f.secondsToLimit().orElse(f.bandEarliestSeconds().orElse(Double.MAX_VALUE)))
            .thenComparing(ExhaustionFinding::targetId);

    private final ConcurrentMap<String, Watched> targets = new ConcurrentHashMap<>();

    /**
     * Starts watching {@code target}: builds its forecaster from {@code history} (see
     * {@link Forecaster#fromHistory}), in the caller's thread.
     *
     * @param history the target's recorded values, oldest first, possibly empty
     * @param limit the target's limit now when it is read with every value (NaN if not known);
     *     ignored for a target with a fixed limit
     * @throws IllegalArgumentException if a target with the same id is watched already
     */
    public void register(ForecastTarget target, TimedValues history, double limit) {
        if (targets.containsKey(target.id())) {
            throw new IllegalArgumentException("forecast target " + target.id() + " is watched already; remove it first");
        }
        Watched watched = new Watched(target, Forecaster.fromHistory(target.settings(), history), target.fixedLimit().orElse(limit));
        if (targets.putIfAbsent(target.id(), watched) != null) {
            throw new IllegalArgumentException("forecast target " + target.id() + " is watched already; remove it first");
        }
    }

    /**
     * Stops watching a target (a run that ended, a device that went away).
     *
     * @return whether it was watched
     */
    public boolean remove(String targetId) {
        return targets.remove(targetId) != null;
    }

    /**
     * One round's value of a target.
     *
     * @param value the value, in the target's unit; NaN when not measured this round (skipped)
     * @return whether it completed a step, so that the forecast was remade
     * @throws IllegalArgumentException if the target is not watched
     */
    public boolean observe(String targetId, long epochMs, double value) {
        return watched(targetId).observe(epochMs, value, Double.NaN);
    }

    /**
     * One round's value of a target whose limit is read with every value, and the limit.
     *
     * @param limit the limit this round, in the target's unit; NaN when not read (the last one is kept)
     * @return whether it completed a step, so that the forecast was remade
     * @throws IllegalArgumentException if the target is not watched or has a fixed limit
     */
    public boolean observe(String targetId, long epochMs, double value, double limit) {
        Watched watched = watched(targetId);
        if (watched.target.fixedLimit().isPresent() && !Double.isNaN(limit)) {
            throw new IllegalArgumentException("forecast target " + targetId + " has a fixed limit of " + watched.target.fixedLimit().getAsDouble()
                    + "; observe it without one");
        }
        return watched.observe(epochMs, value, limit);
    }

    /** The target's last forecast; empty if it is not watched or still learning. */
    public Optional<Forecast> forecast(String targetId) {
        Watched watched = targets.get(targetId);
        return watched == null ? Optional.empty() : Optional.ofNullable(watched.forecast);
    }

    /** The target's last finding; empty if it is not watched. */
    public Optional<ExhaustionFinding> finding(String targetId) {
        Watched watched = targets.get(targetId);
        return watched == null ? Optional.empty() : Optional.of(watched.finding);
    }

    /** Every target's last finding, most urgent first. */
    public List<ExhaustionFinding> findings() {
        return targets.values().stream().map(w -> w.finding).sorted(URGENCY).toList();
    }

    /** The ids of the watched targets, sorted. */
    public Set<String> targetIds() {
        return new TreeSet<>(targets.keySet());
    }

    private Watched watched(String targetId) {
        Watched watched = targets.get(targetId);
        if (watched == null) {
            throw new IllegalArgumentException("forecast target " + targetId + " is not watched; register it first");
        }
        return watched;
    }

    /** One target: its forecaster, guarded by the object's lock, and what was last published. */
    private static final class Watched {

        private final ForecastTarget target;
        private final Forecaster forecaster;
        private double limit;
        private volatile Forecast forecast;
        private volatile ExhaustionFinding finding;

        Watched(ForecastTarget target, Forecaster forecaster, double limit) {
            this.target = target;
            this.forecaster = forecaster;
            this.limit = limit;
            publish();
        }

        synchronized boolean observe(long epochMs, double value, double newLimit) {
            boolean stepped = forecaster.add(epochMs, value);
            boolean limitChanged = !Double.isNaN(newLimit) && Double.compare(newLimit, limit) != 0;
            if (limitChanged) {
                limit = newLimit;
            }
            if (stepped || limitChanged) {
                publish();
            }
            return stepped;
        }

        private void publish() {
            forecast = forecaster.forecast().orElse(null);
            finding = Exhaustion.assess(target, forecaster, limit);
        }
    }
}
