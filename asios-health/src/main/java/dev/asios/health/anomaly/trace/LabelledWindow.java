package dev.asios.health.anomaly.trace;

/**
 * A run of consecutive rounds of a trace with the same fault label: when a fault was injected.
 *
 * @param label the fault's name ({@code 1} when the trace did not name it)
 * @param startEpochMs the first labelled round
 * @param endEpochMs the last labelled round
 */
public record LabelledWindow(String label, long startEpochMs, long endEpochMs) {
}
