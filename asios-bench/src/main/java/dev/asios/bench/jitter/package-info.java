/**
 * The scheduling-jitter target: ASIOS's timer wake-up probe and OS noise probe on one pinned CPU,
 * with cyclictest run on the same CPU in the same rounds as the reference.
 */
package dev.asios.bench.jitter;
