/**
 * The agent's HTTP layer on the JDK's server: routes, validated query parameters and JSON errors.
 * It knows nothing of metrics or the host; the API package plugs routes into it.
 */
package dev.asios.agent.http;
