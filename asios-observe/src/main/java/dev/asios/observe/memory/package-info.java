/**
 * The memory collector: host-wide memory and swap, page faults and transparent-hugepage events,
 * and per NUMA node memory, allocation placement and hugepage pools, from {@code /proc} and
 * {@code /sys}. Parsers read kernel text from a reusable buffer into reusable samples, so a
 * collection allocates nothing once warm but the file reads.
 */
package dev.asios.observe.memory;
