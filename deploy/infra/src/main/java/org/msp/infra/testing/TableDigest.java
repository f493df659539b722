package org.msp.infra.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/** A digest of whole tables' contents, to show that something changed no row (no insert, update or delete). */
public final class TableDigest {
    private TableDigest() {
    }

    public static String of(DataSource dataSource, String... tables) {
        StringJoiner digest = new StringJoiner(" ");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' "
                        + "ORDER BY t::text), '')) FROM " + table + " t")) {
                    rows.next();
                    digest.add(table + "=" + rows.getLong(1) + ":" + rows.getString(2).substring(0, 8));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + String.join(", ", tables), e);
        }
        return digest.toString();
    }
}
