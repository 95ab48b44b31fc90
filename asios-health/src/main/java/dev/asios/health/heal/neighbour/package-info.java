/**
 * Noisy neighbours: which cgroup causes the memory, CPU or I/O pressure a finding reports
 * ({@link dev.asios.health.heal.neighbour.CgroupNeighbourScan}, on cgroup v2 and v1), and the
 * control-file changes that hold it back ({@link dev.asios.health.heal.neighbour.NeighbourThrottle}):
 * first its weights, then a cap. The changes are values; the heal package applies them through the
 * tuning journal.
 */
package dev.asios.health.heal.neighbour;
