/**
 * The agent's embedded store of metric samples ({@code samples.db}, SQLite in WAL mode with
 * {@code synchronous=FULL}): {@link dev.asios.agent.store.SampleStore} records every round of the
 * metric registry, rolls rounds up into one-minute rows, keeps within its retentions and its disk
 * budget, and answers the API's queries: series, history with rates, the latest value, histogram
 * heat maps. {@link dev.asios.agent.store.StateDirectory} chooses the state folder it lives in.
 */
package dev.asios.agent.store;
