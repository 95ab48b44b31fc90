/**
 * The pressure-stall (PSI) collector: how long tasks waited for CPU, memory and I/O, host-wide,
 * from {@code /proc/pressure}. {@link dev.asios.observe.pressure.PressureStalls} parses the format
 * that cgroup v2 groups share.
 */
package dev.asios.observe.pressure;
