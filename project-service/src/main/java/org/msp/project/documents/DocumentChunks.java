package org.msp.project.documents;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A document's bytes in PostgreSQL, in chunks of {@link #CHUNK} bytes (document_chunk). Written and read
 * one chunk at a time, so neither an upload nor a download holds the file in memory, and a byte range
 * reads only the chunks it covers. Plain JDBC: Hibernate would materialise a whole bytea column, and
 * PostgreSQL large objects would need their own clean-up and privileges.
 */
@ApplicationScoped
public class DocumentChunks {
    /** 512 KiB: a 25 MB document is 50 rows, a download holds one chunk at a time. */
    static final int CHUNK = 512 * 1024;

    private final AgroalDataSource dataSource;

    public DocumentChunks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores {@code content} (in the caller's transaction) and returns its SHA-256 (hex) and size. */
    public Stored write(UUID documentId, InputStream content) {
        MessageDigest sha256 = sha256();
        long size = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO document_chunk (document_id, seq, bytes) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            int seq = 0;
            int filled;
            while ((filled = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                sha256.update(buffer, 0, filled);
                size += filled;
                insert.setObject(1, documentId);
                insert.setInt(2, seq++);
                insert.setBytes(3, filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing document " + documentId + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(HexFormat.of().formatHex(sha256.digest()), size);
    }

    public record Stored(String sha256, long size) {
    }

    /** Copies bytes {@code first}..{@code last} (inclusive) of the document to {@code out}, chunk by chunk. */
    public void copy(UUID documentId, long first, long last, OutputStream out) throws IOException {
        int firstChunk = (int) (first / CHUNK);
        int lastChunk = (int) Math.min(Integer.MAX_VALUE, last / CHUNK);
        try (Connection connection = dataSource.getConnection()) {
            // a cursor (fetch size 1, which needs a transaction) keeps one chunk in memory, not the whole
            // file; inside the caller's transaction the connection already is in one
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, bytes FROM document_chunk "
                    + "WHERE document_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
                select.setFetchSize(1);
                select.setObject(1, documentId);
                select.setInt(2, firstChunk);
                select.setInt(3, lastChunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long chunkStart = (long) rows.getInt(1) * CHUNK;
                        byte[] bytes = rows.getBytes(2);
                        int from = (int) Math.max(0, first - chunkStart);
                        int to = (int) Math.min(bytes.length, last - chunkStart + 1);
                        out.write(bytes, from, to - from);
                    }
                }
            } finally {
                if (own) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IOException("reading document " + documentId + " failed", e);
        }
    }

    /** The SHA-256 (hex) and size of every stored byte, recomputed chunk by chunk (bytes added later count too). */
    public Stored rehash(UUID documentId) {
        MessageDigest sha256 = sha256();
        long[] counted = {0};
        try {
            copy(documentId, 0, Long.MAX_VALUE - 1, new OutputStream() {
                @Override
                public void write(int b) {
                    sha256.update((byte) b);
                    counted[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sha256.update(b, off, len);
                    counted[0] += len;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(HexFormat.of().formatHex(sha256.digest()), counted[0]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
