/**
 * The CPU collector: time per CPU and mode, interrupts and softirqs per CPU, context switches,
 * forks, run-queue wait, frequency, and which CPUs are online and isolated, from {@code /proc}
 * and {@code /sys}. Parsers read kernel text from a reusable buffer into reusable samples, so a
 * collection allocates nothing once warm but the file reads.
 */
package dev.asios.observe.cpu;
