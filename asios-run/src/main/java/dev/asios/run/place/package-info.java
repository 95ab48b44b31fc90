/**
 * Placement: a pure function from the host's topology, the free resources and a request to the
 * GPUs, CPUs, memory nodes and NIC a run gets, with a score and the reasoning.
 */
package dev.asios.run.place;
