package dev.asios.agent.store;

import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's embedded store of metric samples: {@code samples.db} in the state folder, a SQLite
 * database in WAL mode with {@code synchronous=FULL}, so a round that {@link #record} wrote
 * survives a crash or a power cut. It is a file of its own, beside the run store's
 * {@code asios.db}: its size is capped and it is trimmed all the time, and a large samples file
 * must never slow, lock or risk the run records.
 *
 * <p>It keeps every round for the raw retention and one row per series and minute for the
 * minute retention ({@link StoreSettings}), and stays within its disk budget. {@link #maintain}
 * does that work in small units; the agent calls it about once a minute, off the recording
 * thread. Each series is kept under its key ({@code Series.key()}, {@code HistogramSeries.key()})
 * with its family's name, kind, unit, help and labels.
 *
 * <p>Thread-safe: writes ({@link #record}, {@link #maintain}) are serialized on one connection,
 * queries on another, and neither waits for the other. Every failure is a {@link StoreException}
 * whose message names the file and says what to do. Close it.
 */
public final class SampleStore implements AutoCloseable {

    /** The most points or steps one query returns. */
    public static final int MAX_POINTS = 100_000;

    /** The most units of work (a minute rolled up, some 100,000 rows deleted) one {@link #maintain} call does per kind of work. */
    public static final int MAX_UNITS_PER_CALL = 10;

    private final StoreFiles files;
    private final Object writeLock = new Object();
    private final SeriesCatalog catalog;
    private final RoundWriter roundWriter;
    private final MinuteRollup rollup;
    private final SpaceKeeper keeper;
    private final DiskBudget budget;
    private final SampleQueries queries;
    private long roundsWritten;
    private long roundsSkipped;
    private long lastRecordNanos;

    private SampleStore(StoreFiles files, StoreSettings settings) throws SQLException, IOException {
        this.files = files;
        this.catalog = new SeriesCatalog(files.writer());
        this.roundWriter = new RoundWriter(files.writer(), catalog);
        this.rollup = new MinuteRollup(files.writer());
        this.budget = new DiskBudget(files.file(), settings);
        this.keeper = new SpaceKeeper(files.writer(), settings, budget);
        this.queries = new SampleQueries(files.reader());
    }

    /**
     * Opens the store in {@code stateDir}, making the folder and the file where missing.
     *
     * @throws StoreException if the folder cannot be made or written, another agent uses the
     *     store, or the file is corrupt or of a newer version
     */
    public static SampleStore open(Path stateDir, StoreSettings settings) {
        StoreFiles files = StoreFiles.open(stateDir);
        try {
            return new SampleStore(files, settings);
        } catch (SQLException | IOException | RuntimeException e) {
            files.close();
            throw e instanceof StoreException known ? known : StoreFiles.failure(files.file(), "cannot open", e);
        }
    }

    /** The database file. */
    public Path file() {
        return files.file();
    }

    /**
     * Writes one round: every counter and gauge series of the registry that has a value, and every
     * histogram series, at {@code epochMs}, in one transaction. When it returns true the round is
     * on disk. A round at a time already recorded replaces its samples.
     *
     * @param epochMs the round's time, in milliseconds since the epoch
     * @return false if the round was not written because the disk budget is spent (see
     *     {@link #stats()}); {@link #maintain} makes room
     * @throws StoreException if the database cannot be written
     * @throws IllegalArgumentException if {@code epochMs} is negative
     */
    public boolean record(long epochMs, MetricRegistry registry) {
        if (epochMs < 0) {
            throw new IllegalArgumentException("a round's time must be at least 0 ms since the epoch, given " + epochMs);
        }
        synchronized (writeLock) {
            long start = System.nanoTime();
            try {
                if (!budget.allowsRecording()) {
                    roundsSkipped++;
                    return false;
                }
                roundWriter.write(epochMs, registry);
            } catch (SQLException | IOException e) {
                throw StoreFiles.failure(files.file(), "cannot record a round", e);
            }
            roundsWritten++;
            lastRecordNanos = System.nanoTime() - start;
            return true;
        }
    }

    /**
     * Does a bounded amount of housekeeping: rolls complete minutes up, deletes what is older than
     * the retentions (relative to {@code nowMs}), the series not seen for the minute retention once
     * the roll-up has caught up, and, when the files are over their budget, the oldest data. The writer is held for one unit
     * at a time, so rounds are recorded in between. Call it about once a minute.
     *
     * @param nowMs the time now, in milliseconds since the epoch
     * @return the units of work done; call again soon when it is large, there is a backlog
     * @throws StoreException if the database cannot be written
     */
    public int maintain(long nowMs) {
        try {
            int rolledUp = repeat(() -> rollup.rollUp(1));
            int work = rolledUp + repeat(() -> keeper.deleteExpired(nowMs));
            if (rolledUp < MAX_UNITS_PER_CALL) {
                // Only once the roll-up has caught up do the series' last sightings cover every round.
                work += locked(() -> forgetSeries(nowMs));
            }
            return work + locked(() -> keeper.enforceBudget(MAX_UNITS_PER_CALL));
        } catch (SQLException | IOException e) {
            throw StoreFiles.failure(files.file(), "cannot trim the store", e);
        }
    }

    /**
     * The series the store has, of one family or of all, that have every label of
     * {@code labelFilter} with the same value; sorted by key.
     */
    public List<SeriesInfo> listSeries(Optional<String> family, Map<String, String> labelFilter) {
        try {
            return queries.list(family, labelFilter);
        } catch (SQLException | RuntimeException e) {
            throw queryFailure(e);
        }
    }

    /**
     * A series' history over {@code [fromMs, toMs]}, in at most {@code maxPoints} points, from the
     * rounds when they cover the range, else from the one-minute rows. A counter's history has
     * its per-second rates, resets handled; a histogram's is the history of its sum.
     *
     * @return empty if the store has no such series
     * @throws IllegalArgumentException if the range is negative or reversed, or {@code maxPoints}
     *     is not within 1 to {@link #MAX_POINTS}
     */
    public Optional<History> history(String seriesKey, long fromMs, long toMs, int maxPoints) {
        checkQuery(fromMs, toMs, maxPoints);
        return read(seriesKey, fromMs, toMs).map(read -> {
            int[] ends = Downsampling.stepEnds(read.samples(), fromMs, toMs, maxPoints);
            if (read.series().kind() == MetricKind.GAUGE) {
                return new History(read.series(), read.resolution(), Downsampling.gauge(read.samples(), ends), List.of());
            }
            return new History(read.series(), read.resolution(), Downsampling.last(read.samples(), ends), Downsampling.rates(read.samples(), ends));
        });
    }

    /**
     * A histogram's history over {@code [fromMs, toMs]} as at most {@code maxSteps} steps of
     * observations per bucket: the columns of a heat map. Samples recorded with other buckets
     * than the series has now (before an upgrade) are left out.
     *
     * @return empty if the store has no such series
     * @throws IllegalArgumentException if the series is not a histogram, or as for {@link #history}
     */
    public Optional<HistogramHistory> histogramHistory(String seriesKey, long fromMs, long toMs, int maxSteps) {
        checkQuery(fromMs, toMs, maxSteps);
        return read(seriesKey, fromMs, toMs).map(read -> {
            if (read.series().kind() != MetricKind.HISTOGRAM) {
                throw new IllegalArgumentException(seriesKey + " is a " + read.series().kind().name().toLowerCase() + ", not a histogram");
            }
            SampleColumns samples = read.samplesWithBuckets(read.series().upperBounds().size());
            int[] ends = Downsampling.stepEnds(samples, fromMs, toMs, maxSteps + 1);
            return new HistogramHistory(read.series(), read.resolution(), Downsampling.histogramSteps(samples, ends));
        });
    }

    /**
     * The raw rounds within {@code [fromMs, toMs]} of every series of {@code families} (base
     * names, without {@code _total}) that has every label of {@code labelFilter}: at most
     * {@code maxRounds} rounds and at most {@value RoundQueries#MAX_SAMPLES} samples in all, thinned
     * evenly with the newest kept; oldest first. Only the raw retention is read: rounds already
     * dropped after their roll-up are not returned.
     *
     * @throws IllegalArgumentException if the range is negative or reversed, or {@code maxRounds}
     *     is not within 1 to {@link #MAX_POINTS}
     */
    public List<RecordedRound> rounds(Collection<String> families, Map<String, String> labelFilter, long fromMs, long toMs, int maxRounds) {
        checkQuery(fromMs, toMs, maxRounds);
        try {
            return queries.rounds(families, labelFilter, fromMs, toMs, maxRounds);
        } catch (SQLException | RuntimeException e) {
            throw queryFailure(e);
        }
    }

    /** A series' newest sample, from the rounds or else the minute rows; empty if the store has none. */
    public Optional<Point> latest(String seriesKey) {
        try {
            return queries.latest(seriesKey);
        } catch (SQLException | RuntimeException e) {
            throw queryFailure(e);
        }
    }

    /** How the store is doing now. */
    public StoreStats stats() {
        synchronized (writeLock) {
            try {
                return new StoreStats(budget.fileBytes(), budget.budgetBytes(), roundsWritten, roundsSkipped, lastRecordNanos);
            } catch (IOException e) {
                throw StoreFiles.failure(files.file(), "cannot read its size", e);
            }
        }
    }

    /** Closes the connections and releases the lock; a round being written finishes first. */
    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (queries) {
                files.close();
            }
        }
    }

    private Optional<SampleQueries.Read> read(String seriesKey, long fromMs, long toMs) {
        try {
            return queries.read(seriesKey, fromMs, toMs);
        } catch (SQLException | RuntimeException e) {
            throw queryFailure(e);
        }
    }

    private RuntimeException queryFailure(Exception e) {
        return e instanceof IllegalArgumentException bad ? bad : StoreFiles.failure(files.file(), "cannot read", e);
    }

    private int forgetSeries(long nowMs) throws SQLException {
        int forgotten = keeper.deleteForgottenSeries(nowMs);
        if (forgotten > 0) {
            catalog.forget();
        }
        return forgotten;
    }

    private int repeat(Unit unit) throws SQLException, IOException {
        int total = 0;
        for (int i = 0; i < MAX_UNITS_PER_CALL; i++) {
            int done = locked(unit);
            if (done == 0) {
                break;
            }
            total += done;
        }
        return total;
    }

    private int locked(Unit unit) throws SQLException, IOException {
        synchronized (writeLock) {
            return unit.run();
        }
    }

    private static void checkQuery(long fromMs, long toMs, int maxPoints) {
        if (fromMs < 0 || toMs < fromMs) {
            throw new IllegalArgumentException("range [" + fromMs + ", " + toMs + "] ms: from must be at least 0 and at most to");
        }
        if (maxPoints < 1 || maxPoints > MAX_POINTS) {
            throw new IllegalArgumentException("max points must be within 1 to " + MAX_POINTS + ", given " + maxPoints);
        }
    }

    /** A unit of housekeeping. */
    @FunctionalInterface
    private interface Unit {
        int run() throws SQLException, IOException;
    }
}
