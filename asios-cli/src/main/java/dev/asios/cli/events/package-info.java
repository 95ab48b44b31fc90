/** {@code asios events}: the agent's audit log of findings, anomalies and remediations. */
package dev.asios.cli.events;
