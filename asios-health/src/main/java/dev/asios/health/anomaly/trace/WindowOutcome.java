package dev.asios.health.anomaly.trace;

import java.util.OptionalLong;

/**
 * Whether a labelled window was detected, and how fast.
 *
 * @param window the labelled window
 * @param timeToDetectMs from the window's start to the start of the first anomaly that overlaps
 *     it (0 if one was already going on); empty if none did: a miss
 */
public record WindowOutcome(LabelledWindow window, OptionalLong timeToDetectMs) {

    /** Whether an anomaly overlapped the window. */
    public boolean detected() {
        return timeToDetectMs.isPresent();
    }
}
