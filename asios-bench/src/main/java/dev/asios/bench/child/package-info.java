/**
 * A benchmark's child processes: child JVMs that run the benchmark's own main classes, their
 * checked arguments, and outside processes read line by line and stopped with all they started.
 */
package dev.asios.bench.child;
