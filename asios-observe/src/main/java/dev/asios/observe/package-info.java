/**
 * The observe layer: collectors that read the host every interval, the eBPF probes, and the
 * metric registry they fill. It depends only on the host layer; the agent reads the registry to
 * serve {@code /metrics}, the API and the store.
 */
package dev.asios.observe;
