/** The record of runs, in the embedded SQLite store that the agent shares. */
package dev.asios.run.store;
