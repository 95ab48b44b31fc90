/**
 * FFM ({@code java.lang.foreign}) bindings to the Linux calls that have no file interface:
 * CPU affinity, NUMA memory policy, scheduling class, resource usage and limits, software perf
 * counters, signals, the monotonic clock and absolute sleeps, page-cache eviction of one file, and
 * aligned anonymous memory with hugepage advice. Failures are {@link dev.asios.host.sys.NativeException}s that name the
 * call and its {@code errno}. The calls that act on "the current thread" act on the calling OS
 * thread and refuse virtual threads.
 */
package dev.asios.host.sys;
