package dev.asios.agent.api;

import dev.asios.agent.store.SampleStore;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.CollectorStatus;
import dev.asios.observe.ebpf.ProbeStatus;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the API reads from the running agent.
 *
 * @param version the agent's version
 * @param startedAt when the agent started
 * @param interval the collection interval
 * @param registry the live metrics
 * @param collectors the collectors' status now
 * @param collectedAtMs when the latest collection round ended, epoch ms (0 before the first)
 * @param probes the eBPF probes' status now
 * @param host the cached host inventory and findings
 * @param sysroot the host's files, for the tuning status
 * @param journalDir the tuning journal's folder
 * @param stateDir the state folder that holds the run store
 * @param store the sample store, for history
 */
public record ApiContext(
        String version,
        Instant startedAt,
        Duration interval,
        MetricRegistry registry,
        Supplier<List<CollectorStatus>> collectors,
        LongSupplier collectedAtMs,
        Supplier<List<ProbeStatus>> probes,
        HostModel host,
        Sysroot sysroot,
        Path journalDir,
        Path stateDir,
        SampleStore store) {
}
