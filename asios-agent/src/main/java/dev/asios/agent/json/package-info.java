/**
 * JSON views of the host model, the tuning status and the runs, shared by the command line's
 * {@code --json} output and the agent's API so both speak the same schema.
 */
package dev.asios.agent.json;
