package dev.asios.health.adapt;

import dev.asios.health.policy.RemediationParameters.HugepagePools;
import java.util.Locale;

/**
 * The size a hugepage pool should have: its floor (pages held and reserved) plus what the recent
 * rate adds within the lead time, plus the policy's headroom. A pool under that grows at once; a
 * pool over it shrinks to it only once it has been over it for the policy's idle delay; a pool
 * never shrinks below its floor. Pure and thread-safe.
 */
final class PoolSizing {

    private PoolSizing() {
    }

    /** What to do with a pool. */
    enum Action {
        GROW, SHRINK, HOLD
    }

    /**
     * A plan for one pool.
     *
     * @param action grow, shrink, or leave it
     * @param targetPages the size to write ({@code nr_hugepages}); the current size for {@link Action#HOLD}
     * @param wantedPages the size the pool should have: floor, forecast and headroom; a pool over it has spare pages
     * @param reason the numbers behind it, in one sentence
     */
    record Plan(Action action, long targetPages, long wantedPages, String reason) {
    }

    /**
     * The plan for {@code pool}.
     *
     * @param forecastExtraPages the pages the floor is expected to add within the lead time (0 when flat)
     * @param spareSinceMs since when the pool has been over its target, or {@link Long#MIN_VALUE} if it is not
     * @param nowMs the time of the check, ms since the epoch
     */
    static Plan plan(NodePool pool, double forecastExtraPages, HugepagePools parameters, long spareSinceMs, long nowMs) {
        long floor = pool.floorPages();
        long forecast = (long) Math.ceil(Math.max(0, forecastExtraPages));
        long target = parameters.targetPages(floor + forecast);
        long size = pool.persistentPages();
        String numbers = String.format(Locale.ROOT, "%s: %d pages, %d held and %d reserved, %d more expected soon, %.0f%% headroom: target %d",
                pool.subject(), size, pool.heldPages(), pool.reservedPages(), forecast, parameters.headroomPercent(), target);
        if (size < target) {
            return new Plan(Action.GROW, target, target, numbers + (forecast > 0 ? "; growing before the forecast shortage" : "; growing to the need"));
        }
        if (size > target && spareSinceMs != Long.MIN_VALUE && nowMs - spareSinceMs >= parameters.idleShrinkDelay().toMillis()) {
            return new Plan(Action.SHRINK, Math.max(target, floor), target, numbers + "; spare for " + (nowMs - spareSinceMs) / 1000 + " s, shrinking");
        }
        return new Plan(Action.HOLD, size, target, numbers);
    }
}
