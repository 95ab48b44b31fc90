package dev.asios.health.forecast;

/** What a forecast says about a quantity and its limit, most urgent first. */
public enum ExhaustionStatus {
    /** The quantity is at or past its limit now. */
    AT_LIMIT,
    /** The point forecast reaches the limit within the horizon. */
    WITHIN_HORIZON,
    /** Only the near edge of the interval reaches the limit within the horizon: possible, not expected. */
    POSSIBLE_WITHIN_HORIZON,
    /** Neither the point forecast nor the interval reaches the limit within the horizon: flat, falling or slow. */
    NOT_WITHIN_HORIZON,
    /** The forecaster has not seen enough steps to forecast yet. */
    NOT_ENOUGH_HISTORY,
    /** The limit is not known (no capacity read yet), so there is nothing to reach. */
    NO_LIMIT
}
