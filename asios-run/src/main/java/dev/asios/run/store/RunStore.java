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
 * or a power cut, and readers never block the writer. One connection per instance; not
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
                s.execute("""
                        CREATE TABLE IF NOT EXISTS runs (
                          id TEXT PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT, state TEXT NOT NULL,
                          command TEXT NOT NULL, supervisor_pid INTEGER NOT NULL, cgroups TEXT NOT NULL,
                          exit_code INTEGER, placement TEXT NOT NULL, report TEXT)""");
            }
            return new RunStore(connection);
        } catch (SQLException | IOException e) {
            throw new IOException(file + ": cannot open the run store: " + e.getMessage(), e);
        }
    }

    /** Records a run that starts now. */
    public void insert(RunRecord run) throws IOException {
        update("INSERT INTO runs (id, started_at, ended_at, state, command, supervisor_pid, cgroups, exit_code, placement, report) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run.id(), run.startedAt().toString(), run.endedAt().map(Instant::toString).orElse(null),
                run.state().name(), json(run.command()), run.supervisorPid(), json(run.cgroups()),
                run.exitCode().isPresent() ? run.exitCode().getAsInt() : null, run.placement(), run.report().orElse(null));
    }

    /** Records the run's cgroup folders, once they are made. */
    public void cgroups(String id, List<String> cgroups) throws IOException {
        update("UPDATE runs SET cgroups = ? WHERE id = ?", json(cgroups), id);
    }

    /** Records how the run ended. */
    public void finish(String id, RunState state, Instant endedAt, OptionalInt exitCode, Optional<String> report) throws IOException {
        update("UPDATE runs SET state = ?, ended_at = ?, exit_code = ?, report = ? WHERE id = ?", state.name(), endedAt.toString(),
                exitCode.isPresent() ? exitCode.getAsInt() : null, report.orElse(null), id);
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

    private void update(String sql, Object... values) throws IOException {
        try (PreparedStatement s = prepare(sql, values)) {
            s.executeUpdate();
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
                noExit ? OptionalInt.empty() : OptionalInt.of(exit), row.getString("placement"), Optional.ofNullable(row.getString("report")));
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
