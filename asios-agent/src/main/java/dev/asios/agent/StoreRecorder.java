package dev.asios.agent;

import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StoreException;
import dev.asios.agent.store.StoreStats;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Feeds the sample store: records the registry after every collection round, runs the store's
 * housekeeping once a minute on a thread of its own (at once again while there is a backlog),
 * and exposes the store's own numbers as metrics. A failed write is counted and reported in
 * the metrics; it never stops the collection loop.
 */
final class StoreRecorder implements LongConsumer, Collector, AutoCloseable {

    private final SampleStore store;
    private final MetricRegistry registry;
    private final ScheduledExecutorService maintenance;
    private final Series sizeBytes;
    private final Series budgetBytes;
    private final Series roundsSkipped;
    private final Series recordSeconds;
    private final Series writeErrors;
    private long failures;
    private volatile String lastError;

    StoreRecorder(SampleStore store, MetricRegistry registry) {
        this.store = store;
        this.registry = registry;
        this.sizeBytes = registry.gauge("asios_store_size_bytes", "Size of the sample store's files.", "bytes").series();
        this.budgetBytes = registry.gauge("asios_store_budget_bytes", "Most bytes the sample store may use now (size cap and free disk).", "bytes").series();
        this.roundsSkipped = registry.counter("asios_store_rounds_skipped", "Rounds not recorded because the store's disk budget was spent.", null).series();
        this.recordSeconds = registry.gauge("asios_store_record_seconds", "How long recording the latest round took.", "seconds").series();
        this.writeErrors = registry.counter("asios_store_write_errors", "Rounds the store failed to write.", null).series();
        writeErrors.set(0);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("asios-store-maintenance").daemon(true).unstarted(r));
        maintenance.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void accept(long epochMs) {
        try {
            store.record(epochMs, registry);
        } catch (StoreException e) {
            failures++;
            writeErrors.set(failures);
            lastError = e.getMessage();
        }
    }

    private void maintain() {
        try {
            while (store.maintain(System.currentTimeMillis()) >= SampleStore.MAX_UNITS_PER_CALL) {
                Thread.onSpinWait();
            }
        } catch (StoreException e) {
            lastError = e.getMessage();
        }
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public void collect() {
        StoreStats stats = store.stats();
        sizeBytes.set(stats.fileBytes());
        budgetBytes.set(stats.budgetBytes());
        roundsSkipped.set(stats.roundsSkipped());
        recordSeconds.set(stats.lastRecordNanos() / 1e9);
        String error = lastError;
        if (error != null) {
            lastError = null;
            throw new IllegalStateException(error);
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
