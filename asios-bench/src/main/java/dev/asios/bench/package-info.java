/**
 * {@code asios bench}: each target measured by an ASIOS probe and, in the same run, by the standard
 * tool beside it; the harness runs them, compares untuned with tuned, and reports raw samples,
 * summaries and ratios.
 */
package dev.asios.bench;
