package org.msp.platform.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 hash chain, as a project's history and a partnership's history both keep one: each entry's
 * hash covers the previous entry's hash and the entry's own content, so changing, inserting or deleting
 * any past entry breaks every later link. Each service says what an entry's content is; the chain's
 * arithmetic is written once, here.
 */
public final class HashChain {
    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** One entry of a chain: its place (from 1), the hash it follows, its own, and what its content hashes to now. */
    public interface Link {
        int position();

        String previousHash();

        String recordedHash();

        String contentHash();
    }

    /** Where a chain stops checking out, and why. */
    public record Break(int seq, String problem) {
    }

    /** The previous hash of an entry that follows {@code head} (null: the chain's first). */
    public static String after(String head) {
        return head == null ? GENESIS : head;
    }

    /** A moment as a chain stores it: UTC and microseconds, what the database reads back. */
    public static OffsetDateTime stored(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A moment as a chain hashes it (ISO instant, microseconds). */
    public static String instant(OffsetDateTime at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.toInstant().truncatedTo(ChronoUnit.MICROS));
    }

    /** The hash of an entry: SHA-256, in hex, of the previous hash and the content fields joined by U+001F. */
    public static String hash(String previousHash, String... content) {
        String joined = previousHash + "\u001f" + String.join("\u001f", content);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The first entry (by position) whose link or content does not check out, or null when intact. */
    public static Break verify(List<? extends Link> entries) {
        String expectedPrevious = GENESIS;
        int expectedSeq = 1;
        for (Link entry : entries) {
            if (entry.position() != expectedSeq) {
                return new Break(entry.position(), "expected entry " + expectedSeq + " but found " + entry.position());
            }
            if (!entry.previousHash().equals(expectedPrevious)) {
                return new Break(entry.position(), "previous hash does not match entry " + (entry.position() - 1));
            }
            if (!entry.contentHash().equals(entry.recordedHash())) {
                return new Break(entry.position(), "content does not match its hash");
            }
            expectedPrevious = entry.recordedHash();
            expectedSeq++;
        }
        return null;
    }

    /**
     * A chain that checks out must also end where its owner says it does (the newest head it recorded and
     * published, after {@code length} entries): a break at the end when entries were deleted, else null.
     */
    public static Break truncation(List<? extends Link> entries, String head, int length, String owner) {
        String last = entries.isEmpty() ? null : entries.get(entries.size() - 1).recordedHash();
        if (entries.size() < length || (head != null && !head.equals(last))) {
            return new Break(entries.size() + 1, "the history ends at entry " + entries.size() + " but " + owner
                    + " head is entry " + length + " (" + head + "): entries were deleted");
        }
        return null;
    }
}
