package org.msp.infra;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Whether a part of the platform answers right now, judged by asking it: a live PID says nothing
 * about a server that hangs, and a launcher can outlive its server. Every probe gives up within a
 * few seconds.
 */
public final class Readiness {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int ANSWER_TIMEOUT_MS = 5_000;
    private static final short API_VERSIONS = 18;

    private Readiness() {
    }

    /** PostgreSQL: a connection is accepted and answers {@code SELECT 1}. */
    public static boolean answersSql(String jdbcUrl, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        props.setProperty("loginTimeout", String.valueOf(ANSWER_TIMEOUT_MS / 1000));
        props.setProperty("socketTimeout", String.valueOf(ANSWER_TIMEOUT_MS / 1000));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, props);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Kafka: the broker answers an ApiVersions request (version 0, which every broker answers, if only
     * to say which versions it prefers). A port that accepts connections but whose broker does not
     * process requests (still starting, shutting down, hung) does not count.
     */
    public static boolean answersKafka(int port) {
        byte[] clientId = "msp-readiness".getBytes(StandardCharsets.US_ASCII);
        int correlationId = 0x6d7370; // any value; the answer must echo it
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeInt(2 + 2 + 4 + 2 + clientId.length); // request header v1, empty body
            out.writeShort(API_VERSIONS);
            out.writeShort(0);
            out.writeInt(correlationId);
            out.writeShort(clientId.length);
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            return size >= 6 && in.readInt() == correlationId;
        } catch (IOException e) {
            return false;
        }
    }

    /** An HTTP endpoint (a service's /q/health/ready, Keycloak's realm) answers 200. */
    public static boolean answersHttp(String url) {
        return HttpProbe.ok(url);
    }
}
