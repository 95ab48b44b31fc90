package dev.asios.run.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The runs, in the embedded SQLite store ({@code /var/lib/asios/asios.db} by default) that the
 * node agent shares: WAL mode with {@code synchronous=FULL}, so a record written survives a crash
 * or a power cut, and readers never block the writer. It is also the journal of the agent's
 * restarts: a run that declared a restart keeps its request ({@link RestartInfo}), a restart is
 * claimed on the crashed run ({@link #claimRestart}) before its supervisor starts, and the new run
 * names the run it restarts and its attempt. A store made by an older {@code asios} gets the new
 * columns when it is opened (see {@code RunStoreSchema}). One connection per instance; not
 * thread-safe. Close it.
 */
public final class RunStore implements AutoCloseable {

    /** The store's file under the state folder. */
    public static final String FILE = "asios.db";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Connection connection;

    private RunStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (and makes, with its folder) the store in {@code folder}.
     *
     * @throws IOException if the folder or the database cannot be made or read (the message names the file)
     */
    public static RunStore open(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            java.nio.file.Files.createDirectories(folder);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            RunStoreSchema.ensure(connection);
            return new RunStore(connection);
        } catch (SQLException | IOException e) {
            throw new IOException(file + ": cannot open the run store: " + e.getMessage(), e);
        }
    }

    /** Records a run that starts now. */
    public void insert(RunRecord run) throws IOException {
        RestartInfo restart = run.restart();
        update("INSERT INTO runs (id, started_at, ended_at, state, command, supervisor_pid, cgroups, exit_code, placement, report, "
                + "restart_request, restarted_from, attempt, restarted_as, stopped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(), run.startedAt().toString(), run.endedAt().map(Instant::toString).orElse(null),
                run.state().name(), json(run.command()), run.supervisorPid(), json(run.cgroups()),
                run.exitCode().isPresent() ? run.exitCode().getAsInt() : null, run.placement(), run.report().orElse(null),
                restart.request().orElse(null), restart.restartedFrom().orElse(null), restart.attempt(), restart.restartedAs().orElse(null),
                restart.stoppedByOperator() ? 1 : 0);
    }

    /** Records the run's cgroup folders, once they are made. */
    public void cgroups(String id, List<String> cgroups) throws IOException {
        update("UPDATE runs SET cgroups = ? WHERE id = ?", json(cgroups), id);
    }

    /** Records how the run ended, not stopped by an operator. */
    public void finish(String id, RunState state, Instant endedAt, OptionalInt exitCode, Optional<String> report) throws IOException {
        finish(id, state, endedAt, exitCode, report, false);
    }

    /** Records how the run ended, and whether an operator's signal, passed on by its supervisor, ended it. */
    public void finish(String id, RunState state, Instant endedAt, OptionalInt exitCode, Optional<String> report, boolean stoppedByOperator)
            throws IOException {
        update("UPDATE runs SET state = ?, ended_at = ?, exit_code = ?, report = ?, stopped = ? WHERE id = ?", state.name(), endedAt.toString(),
                exitCode.isPresent() ? exitCode.getAsInt() : null, report.orElse(null), stoppedByOperator ? 1 : 0, id);
    }

    /**
     * Claims the restart of run {@code id} for the new run {@code newId}: records {@code newId} as
     * its {@link RestartInfo#restartedAs} unless another restart claimed it first.
     *
     * @return whether this claim took (false: already claimed, or no such run)
     */
    public boolean claimRestart(String id, String newId) throws IOException {
        return update("UPDATE runs SET restarted_as = ? WHERE id = ? AND restarted_as IS NULL", newId, id) == 1;
    }

    /** Gives back a claim of {@link #claimRestart} whose new run never started, so the run may be restarted again. */
    public void releaseRestart(String id, String newId) throws IOException {
        update("UPDATE runs SET restarted_as = NULL WHERE id = ? AND restarted_as = ?", id, newId);
    }

    /**
     * The newest {@code limit} runs that declared a restart, exited, and were not restarted yet,
     * newest first: those the agent considers restarting (whether each crashed is its call).
     */
    public List<RunRecord> restartCandidates(int limit) throws IOException {
        return query("SELECT * FROM runs WHERE restart_request IS NOT NULL AND restarted_as IS NULL AND state = ? "
                + "ORDER BY started_at DESC, id DESC LIMIT ?", RunState.EXITED.name(), limit);
    }

    /** The run that restarted run {@code id}, if any. */
    public Optional<RunRecord> restartOf(String id) throws IOException {
        return query("SELECT * FROM runs WHERE restarted_from = ?", id).stream().findFirst();
    }

    /** The newest {@code limit} runs, newest first. */
    public List<RunRecord> list(int limit) throws IOException {
        return query("SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?", limit);
    }

    /** The runs recorded as running. */
    public List<RunRecord> running() throws IOException {
        return query("SELECT * FROM runs WHERE state = ? ORDER BY started_at", RunState.RUNNING.name());
    }

    /** The run with this id. */
    public Optional<RunRecord> get(String id) throws IOException {
        return query("SELECT * FROM runs WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a connection that has no open transaction only releases memory and file handles.
        }
    }

    private int update(String sql, Object... values) throws IOException {
        try (PreparedStatement s = prepare(sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("run store: " + e.getMessage(), e);
        }
    }

    private List<RunRecord> query(String sql, Object... values) throws IOException {
        try (PreparedStatement s = prepare(sql, values); ResultSet rows = s.executeQuery()) {
            List<RunRecord> runs = new ArrayList<>();
            while (rows.next()) {
                runs.add(record(rows));
            }
            return runs;
        } catch (SQLException e) {
            throw new IOException("run store: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... values) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        return s;
    }

    private static RunRecord record(ResultSet row) throws SQLException, IOException {
        int exit = row.getInt("exit_code");
        boolean noExit = row.wasNull();
        return new RunRecord(row.getString("id"), Instant.parse(row.getString("started_at")),
                Optional.ofNullable(row.getString("ended_at")).map(Instant::parse), RunState.valueOf(row.getString("state")),
                strings(row.getString("command")), row.getLong("supervisor_pid"), strings(row.getString("cgroups")),
                noExit ? OptionalInt.empty() : OptionalInt.of(exit), row.getString("placement"), Optional.ofNullable(row.getString("report")),
                new RestartInfo(Optional.ofNullable(row.getString("restart_request")), Optional.ofNullable(row.getString("restarted_from")),
                        row.getInt("attempt"), Optional.ofNullable(row.getString("restarted_as")), row.getInt("stopped") != 0));
    }

    private static String json(List<String> values) throws IOException {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
    }

    private static List<String> strings(String json) throws IOException {
        return JSON.readValue(json, STRINGS);
    }
}
