/**
 * The end-to-end AI target: an inference server on a small MLP that ASIOS builds in memory, run in
 * a child JVM with pinned workers (closed-loop throughput, then open-loop latency against an SLA)
 * beside noisy neighbours from stress-ng; and the timing of a user's own workload command.
 */
package dev.asios.bench.e2e;
