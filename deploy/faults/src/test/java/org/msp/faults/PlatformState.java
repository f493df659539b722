package org.msp.faults;

import org.msp.infra.testing.TableDigest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the platform holds at one moment, to show that something (a replay of the dead-letter topics)
 * changed nothing: a digest of every table of every service's database, and what the public APIs say
 * (each proposal's status and history, each subscription's delivery log).
 */
record PlatformState(Map<String, String> tables, Map<String, String> views) {

    /** {@code databases}: each service's own; {@code views}: what the APIs say, read afresh by each supplier. */
    static PlatformState read(Map<String, DataSource> databases, Map<String, Supplier<String>> views) {
        Map<String, String> tables = new TreeMap<>();
        databases.forEach((service, database) -> tables.put(service, TableDigest.of(database,
                tablesOf(database).toArray(String[]::new))));
        Map<String, String> seen = new TreeMap<>();
        views.forEach((name, view) -> seen.put(name, view.get()));
        return new PlatformState(tables, seen);
    }

    /** What differs from {@code before}, one line per table digest or view. */
    List<String> changesSince(PlatformState before) {
        List<String> changes = new ArrayList<>();
        tables.forEach((service, digest) -> {
            if (!digest.equals(before.tables().get(service))) {
                changes.add(service + " tables changed: " + before.tables().get(service) + " -> " + digest);
            }
        });
        views.forEach((name, view) -> {
            if (!view.equals(before.views().get(name))) {
                changes.add(name + " changed: " + before.views().get(name) + " -> " + view);
            }
        });
        return changes;
    }

    private static List<String> tablesOf(DataSource database) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the tables", e);
        }
        return tables;
    }
}
