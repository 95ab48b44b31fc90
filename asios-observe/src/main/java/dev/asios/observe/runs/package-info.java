/** The workloads the agent tracks, as collectors and probes see them: run ids and cgroup folders. */
package dev.asios.observe.runs;
