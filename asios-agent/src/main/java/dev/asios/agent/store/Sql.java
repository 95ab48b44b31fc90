package dev.asios.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** Single-number queries: an aggregate such as {@code min(ts_ms)}, a pragma. Stateless. */
final class Sql {

    private Sql() {
    }

    /** The first column of the first row the query answers, empty when there is no row or it is NULL. */
    static OptionalLong number(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return OptionalLong.empty();
            }
            long value = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    /** As {@link #number(PreparedStatement)}, for a statement without parameters. */
    static OptionalLong number(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            return number(query);
        }
    }
}
