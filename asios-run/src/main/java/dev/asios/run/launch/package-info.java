/**
 * Launching a placed run: its cgroup, CPU affinity, memory policy and scheduling class, the
 * environment for its devices, signal forwarding, and the report of what it used.
 */
package dev.asios.run.launch;
