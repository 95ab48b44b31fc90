/**
 * Mounted file systems: their space and inodes, for the dashboard and for the forecasts of a
 * checkpoint or data directory filling up.
 */
package dev.asios.observe.fs;
