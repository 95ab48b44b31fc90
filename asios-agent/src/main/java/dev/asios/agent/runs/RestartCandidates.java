package dev.asios.agent.runs;

import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The runs the agent may have to restart, for the {@code run-crashed} rule: the newest
 * {@value #LIMIT} that declared a restart, exited and were not restarted
 * ({@link RunStore#restartCandidates}), read from the run store in the state folder on every
 * {@link #get()} (the rule asks once a second; opening the store costs about a millisecond, and a
 * connection kept open would hold the file of a store that is replaced). None while the store does
 * not exist. Thread-safe.
 */
public final class RestartCandidates implements Supplier<List<RunRecord>> {

    /** The most runs read. */
    static final int LIMIT = 100;

    private final Path stateDir;

    /** The candidates of the run store in {@code stateDir}. */
    public RestartCandidates(Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * The candidates, newest first.
     *
     * @throws UncheckedIOException if the store cannot be read (the rule engine reports the rule's failure)
     */
    @Override
    public List<RunRecord> get() {
        if (!Files.exists(stateDir.resolve(RunStore.FILE))) {
            return List.of();
        }
        try (RunStore store = RunStore.open(stateDir)) {
            return store.restartCandidates(LIMIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
