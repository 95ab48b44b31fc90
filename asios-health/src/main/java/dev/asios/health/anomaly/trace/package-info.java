/**
 * Detection quality on labelled traces: a CSV format of recorded (or generated) rounds with a
 * label per round ({@link dev.asios.health.anomaly.trace.LabelledTraceParser}), an evaluator that
 * replays a trace through a detector and scores its anomalies against the labelled windows
 * ({@link dev.asios.health.anomaly.trace.TraceEvaluator}), and a command that prints the scores
 * ({@link dev.asios.health.anomaly.trace.TraceEvaluation}).
 */
package dev.asios.health.anomaly.trace;
