package dev.asios.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL on a store's database from outside the store, for tests that damage it or look inside. */
final class StoreSql {

    private StoreSql() {
    }

    /** Runs a statement on the database in {@code stateDir}. */
    static void execute(Path stateDir, String sql) throws SQLException {
        try (Connection connection = connect(stateDir); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The first column of the first row a query answers, as text. */
    static String single(Path stateDir, String sql) throws SQLException {
        try (Connection connection = connect(stateDir); Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.getString(1);
        }
    }

    private static Connection connect(Path stateDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(StoreFiles.FILE));
    }
}
