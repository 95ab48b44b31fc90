/**
 * The memory bandwidth target: ASIOS's STREAM probe (copy, scale, add and triad on pinned threads
 * over off-heap arrays), the reference tools beside it (a STREAM binary, stress-ng's stream
 * stressor) and the parsers of their output.
 */
package dev.asios.bench.memory;
