package dev.asios.health.forecast;

/** How the samples of one step become the step's value. */
public enum StepAggregation {
    /** The mean of the step's samples: smooths round-to-round noise; the default. */
    MEAN,
    /** The step's last sample: the level at the end of the step, for series that only step up or down. */
    LAST
}
