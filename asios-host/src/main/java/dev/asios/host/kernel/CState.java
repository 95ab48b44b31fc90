package dev.asios.host.kernel;

/**
 * One idle state of a CPU ({@code /sys/devices/system/cpu/cpuN/cpuidle/stateK}). Immutable.
 *
 * @param index K, the state's number; deeper states have higher numbers
 * @param name the state's name, for example {@code C1E} or {@code POLL}
 * @param exitLatencyUs {@code latency}: the time to wake from this state, in microseconds
 * @param disabled {@code disable} is 1; false also when the kernel has no {@code disable} file
 *     (before 3.x states could not be disabled one by one)
 */
public record CState(int index, String name, long exitLatencyUs, boolean disabled) {
}
