package dev.asios.agent.runs;

import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The runs of {@code asios run} that are running now, read from the run store in the state
 * folder, for the collectors and probes that watch runs. The store is read at most once per
 * refresh period (opening SQLite every second would cost more than the collection); between
 * reads the last answer is kept. A store that cannot be read keeps the last answer too, and the
 * error is available from {@link #lastError()}. Thread-safe.
 */
public final class RunStoreTrackedRuns implements TrackedRuns {

    private final Path stateDir;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private List<TrackedRun> runs = List.of();
    private long readAtNanos;
    private boolean read;
    private String lastError;

    /** Reads the run store in {@code stateDir} at most once per {@code refreshNanos}. */
    public RunStoreTrackedRuns(Path stateDir, long refreshNanos, LongSupplier nanoClock) {
        this.stateDir = stateDir;
        this.refreshNanos = refreshNanos;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized List<TrackedRun> current() {
        long now = nanoClock.getAsLong();
        if (!read || now - readAtNanos >= refreshNanos) {
            read = true;
            readAtNanos = now;
            try {
                runs = running();
                lastError = null;
            } catch (IOException e) {
                lastError = e.getMessage();
            }
        }
        return runs;
    }

    /** Why the latest read of the store failed, or null. */
    public synchronized String lastError() {
        return lastError;
    }

    private List<TrackedRun> running() throws IOException {
        if (!Files.exists(stateDir.resolve(RunStore.FILE))) {
            return List.of();
        }
        List<TrackedRun> list = new ArrayList<>();
        try (RunStore store = RunStore.open(stateDir)) {
            for (RunRecord run : store.running()) {
                list.add(new TrackedRun(run.id(), run.cgroups()));
            }
        }
        return List.copyOf(list);
    }
}
