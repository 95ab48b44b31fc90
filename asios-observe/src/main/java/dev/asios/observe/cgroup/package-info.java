/**
 * The run collector: CPU, memory and block I/O of every run the agent tracks, read from the run's
 * cgroup folders on cgroup v2 or v1, with series that end with the run.
 */
package dev.asios.observe.cgroup;
