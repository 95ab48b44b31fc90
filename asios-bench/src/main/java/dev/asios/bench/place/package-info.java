/**
 * Where a benchmark's processes run: inside the tuning profile's isolated cpuset when the CPUs
 * measured are isolated, so that A/B runs against an isolating profile measure the isolated CPUs.
 */
package dev.asios.bench.place;
