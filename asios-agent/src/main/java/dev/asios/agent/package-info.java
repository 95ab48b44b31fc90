/**
 * The node agent behind {@code asios up}: it runs the collectors and probes of the observe
 * layer, records their samples in the embedded store, and serves {@code /metrics}, the JSON API
 * and the dashboard on loopback.
 */
package dev.asios.agent;
