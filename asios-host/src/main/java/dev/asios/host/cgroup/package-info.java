/**
 * Parsers of the files inside a cgroup folder, on cgroup v2 and v1: flat keyed statistics
 * ({@code cpu.stat}, {@code memory.stat}, {@code cpuacct.stat}), single values and limits
 * ({@code memory.current}, {@code memory.max}, {@code memory.limit_in_bytes}), and I/O tables
 * ({@code io.stat}, {@code blkio.throttle.*}). Pure: they take text and know no files, so the run
 * layer (a run's usage when it ends) and the observe layer (every interval, through
 * {@link dev.asios.host.parse.ByteText}) share them.
 */
package dev.asios.host.cgroup;
