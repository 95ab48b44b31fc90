/**
 * eBPF probes through a supervised {@code bpftrace -f json} process: the scripts shipped with
 * ASIOS (resources next to these classes) and the CUDA/NCCL script written for the libraries
 * found on the host, the parser of bpftrace's JSON lines, the supervisor that restarts a stopped
 * bpftrace with backoff, and the parts that turn printed maps into metrics.
 *
 * <p>The scripts are written once, in today's bpftrace syntax, and rendered for the installed
 * release by {@link dev.asios.observe.ebpf.ScriptDialect} (0.17 on Debian 12 to 0.20 and later on
 * Ubuntu 24.04). They use tracepoints, perf software events and uprobes only, so none needs BTF.
 * Before a probe starts, what it needs is checked (bpftrace, root, tracefs and each tracepoint,
 * the libraries), and a missing piece is reported in the probe's
 * {@link dev.asios.observe.ebpf.ProbeStatus} instead of failing.
 */
package dev.asios.observe.ebpf;
