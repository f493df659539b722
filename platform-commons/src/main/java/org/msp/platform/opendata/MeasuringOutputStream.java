package org.msp.platform.opendata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) what passes on to {@code out}: the size and hash a data package states for a
 * download, measured while the file is written (to the response, to a zip entry, or to nowhere) and never
 * kept. Closing it leaves {@code out} open (a zip entry is closed by the zip). Hand-written: the JDK's
 * DigestOutputStream does not count, and a counting stream from a library would still need the digest beside.
 */
public final class MeasuringOutputStream extends FilterOutputStream {
    private final MessageDigest sha256;
    private long bytes;

    public MeasuringOutputStream(OutputStream out) {
        super(out);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Measures bytes that go nowhere. */
    public static MeasuringOutputStream discarding() {
        return new MeasuringOutputStream(OutputStream.nullOutputStream());
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        bytes += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    public long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of everything written; call once, when all is written. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
