package dev.asios.observe.ebpf;

/** Where a probe's bpftrace process stands. */
public enum ProbeState {

    /** bpftrace is compiling and attaching the script; no data yet. */
    STARTING,

    /** bpftrace attached its probes and prints data. */
    RUNNING,

    /** bpftrace stopped or could not start; it is restarted after a wait. */
    BACKING_OFF,

    /** The probe cannot run on this host (no bpftrace, no root, nothing to attach to). */
    UNAVAILABLE,

    /** The probe was stopped, or not started yet. */
    STOPPED;

    /** The lower-case name the API shows, with a dash: {@code backing-off}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
