/** A/B runs: the same benchmark on the untuned host and with a tuning profile applied, alternately, never leaving the profile applied. */
package dev.asios.bench.ab;
