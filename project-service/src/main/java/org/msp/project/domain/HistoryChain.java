package org.msp.project.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The SHA-256 chain over a project's history: each entry's hash covers the previous entry's hash and
 * the entry's own content, so changing, inserting or deleting any past entry breaks every later link.
 */
public final class HistoryChain {
    /** The previous hash of a project's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HistoryChain() {
    }

    /**
     * A new entry after the chain's {@code head} (null for the first) at position {@code seq}, sealed
     * with its hash.
     */
    public static HistoryEntry append(String head, int seq, UUID projectId, OffsetDateTime at, String actor,
            String cause, ProjectStatus from, ProjectStatus to, String reason) {
        HistoryEntry entry = new HistoryEntry();
        entry.projectId = projectId;
        entry.seq = seq;
        // database timestamps keep microseconds; hash what will be read back
        entry.at = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.cause = cause;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = reason;
        entry.previousHash = head == null ? GENESIS : head;
        entry.hash = hashOf(entry);
        return entry;
    }

    public static String hashOf(HistoryEntry entry) {
        String content = String.join("\u001f",
                entry.previousHash,
                entry.projectId.toString(),
                Integer.toString(entry.seq),
                DateTimeFormatter.ISO_INSTANT.format(entry.at.toInstant().truncatedTo(ChronoUnit.MICROS)),
                entry.actor,
                entry.cause,
                Objects.toString(entry.fromStatus, ""),
                entry.toStatus.name(),
                Objects.toString(entry.reason, ""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The first entry (by seq) whose link or content does not check out, or a truncation: the chain
     * must end at {@code head}, the newest head the project recorded and published in its events
     * ({@code length} entries). Null when intact.
     */
    public static Break verify(List<HistoryEntry> entries, String head, int length) {
        Break broken = verify(entries);
        if (broken != null || head == null) {
            return broken;
        }
        String last = entries.isEmpty() ? null : entries.get(entries.size() - 1).hash;
        if (entries.size() < length || !head.equals(last)) {
            return new Break(entries.size() + 1, "the history ends at entry " + entries.size() + " but the newest "
                    + "published head is entry " + length + " (" + head + "): entries were deleted");
        }
        return null;
    }

    /** The first entry (by seq) whose link or content does not check out, or null when intact. */
    public static Break verify(List<HistoryEntry> entries) {
        String expectedPrevious = GENESIS;
        int expectedSeq = 1;
        for (HistoryEntry entry : entries) {
            if (entry.seq != expectedSeq) {
                return new Break(entry.seq, "expected entry " + expectedSeq + " but found " + entry.seq);
            }
            if (!entry.previousHash.equals(expectedPrevious)) {
                return new Break(entry.seq, "previous hash does not match entry " + (entry.seq - 1));
            }
            if (!hashOf(entry).equals(entry.hash)) {
                return new Break(entry.seq, "content does not match its hash");
            }
            expectedPrevious = entry.hash;
            expectedSeq++;
        }
        return null;
    }

    public record Break(int seq, String problem) {
    }
}
