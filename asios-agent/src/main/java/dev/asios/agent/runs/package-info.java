/** The runs of {@code asios run} as the agent's collectors and probes see them. */
package dev.asios.agent.runs;
