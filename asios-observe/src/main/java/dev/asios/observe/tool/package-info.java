/**
 * Running the command-line tools the collectors and probes ask ({@code nvidia-smi},
 * {@code bpftrace --version}, {@code ldconfig -p}): found on a search path, run within a time
 * limit, killed with their children when they overrun.
 */
package dev.asios.observe.tool;
